/**
 * Whether the floor's answer is the API's: deep equality of the parsed JSON, with no
 * normalisation. Lists are compared in order (every list the benchmark's floor covers
 * has an order the API documents or its query fixes: by id, by degree, breadth first);
 * object keys are compared as sets, since JSON objects have no order.
 */

/** The first difference between two JSON values, as a path and both values; null when equal. */
export function firstDifference(ours: unknown, floor: unknown, path = 'data'): string | null {
  const show = (value: unknown) => {
    const text = JSON.stringify(value) ?? 'undefined';
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
  };
  if (Array.isArray(ours) || Array.isArray(floor)) {
    if (!Array.isArray(ours) || !Array.isArray(floor)) return `${path}: API ${show(ours)}, floor ${show(floor)}`;
    for (let i = 0; i < Math.min(ours.length, floor.length); i += 1) {
      const difference = firstDifference(ours[i], floor[i], `${path}[${i}]`);
      if (difference) return difference;
    }
    return ours.length === floor.length ? null : `${path}: API has ${ours.length} items, floor ${floor.length}`;
  }
  if (ours !== null && floor !== null && typeof ours === 'object' && typeof floor === 'object') {
    const a = ours as Record<string, unknown>;
    const b = floor as Record<string, unknown>;
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!(key in a)) return `${path}.${key}: missing from the API's answer, floor ${show(b[key])}`;
      if (!(key in b)) return `${path}.${key}: missing from the floor's answer, API ${show(a[key])}`;
      const difference = firstDifference(a[key], b[key], `${path}.${key}`);
      if (difference) return difference;
    }
    return null;
  }
  return Object.is(ours, floor) ? null : `${path}: API ${show(ours)}, floor ${show(floor)}`;
}
