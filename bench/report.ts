/** Plain-text tables and number formats for the benchmark's report. */

export type Align = 'left' | 'right';

/** A table with a header row, columns padded to their widest cell. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align: readonly Align[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (align[i] === 'right' ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join(' | ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-|-'), ...rows.map(line)].join('\n');
}

/** Milliseconds with precision that suits their size. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (value < 10) return value.toFixed(2);
  if (value < 100) return value.toFixed(1);
  return Math.round(value).toLocaleString('en-US');
}

export function ratio(numerator: number, denominator: number): string {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator === 0) return 'n/a';
  const r = numerator / denominator;
  return `×${r < 10 ? r.toFixed(2) : r < 100 ? r.toFixed(1) : Math.round(r).toLocaleString('en-US')}`;
}

export const count = (value: number) => value.toLocaleString('en-US');

export function kilobytes(bytes: number): string {
  const kb = bytes / 1024;
  return kb < 10 ? kb.toFixed(1) : Math.round(kb).toLocaleString('en-US');
}

/** Round trips per request: one number, or the range when requests differed. */
export const trips = (values: readonly number[]) =>
  values.length === 0 ? 'n/a' : values.length === 1 ? String(values[0]) : `${values[0]}–${values[values.length - 1]}`;

/** Peak RSS of the app against the floor's: `app / floor MiB (×app/floor)`. */
export function rssVersus(appMiB: number, floorMiB: number): string {
  if (!Number.isFinite(appMiB) || !Number.isFinite(floorMiB)) return 'n/a';
  return `${Math.round(appMiB)} / ${Math.round(floorMiB)} (${ratio(appMiB, floorMiB)})`;
}

/** A rate with a thousands separator, e.g. `12,345/s`. */
export const perSecond = (value: number) => `${count(Math.round(value))}/s`;
