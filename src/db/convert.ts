/**
 * The one place Neo4j values become plain JavaScript: integers to numbers, temporals to
 * ISO strings, nodes and relationships to their properties.
 */
import neo4j, { isDate, isDateTime, isDuration, isLocalDateTime, isLocalTime, isTime } from 'neo4j-driver';

export type Plain = null | boolean | number | string | Plain[] | { [key: string]: Plain };

export function toPlain(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
      return value;
    case 'bigint':
      return Number(value);
    case 'object':
      break;
    default:
      return String(value);
  }
  // Lists and maps first: they are most of what a result holds, and the temporal checks
  // below cost a property lookup each (measured: a sixth of toPlain's time on link pages).
  // They are converted in place: the driver builds them afresh for each record and hands
  // them to nothing else, and copying them made most of the garbage of a large result
  // (see database.ts, `disableLosslessIntegers`).
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) {
      const item: unknown = value[i];
      if (item !== null && typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') value[i] = toPlain(item);
    }
    return value as Plain[];
  }
  if (neo4j.isInt(value)) return (value as neo4j.Integer).toNumber();
  if (Object.getPrototypeOf(value) === Object.prototype) return plainMap(value as Record<string, unknown>);
  if (
    isDate(value as object) ||
    isDateTime(value as object) ||
    isLocalDateTime(value as object) ||
    isTime(value as object) ||
    isLocalTime(value as object) ||
    isDuration(value as object)
  ) {
    return String(value);
  }
  if (value instanceof neo4j.types.Node || value instanceof neo4j.types.Relationship) {
    return toPlain({ ...value.properties });
  }
  return plainMap(value as Record<string, unknown>);
}

function plainMap(value: Record<string, unknown>): Record<string, Plain> {
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    const item = value[key];
    if (item !== null && typeof item !== 'string' && typeof item !== 'number' && typeof item !== 'boolean') value[key] = toPlain(item);
  }
  return value as Record<string, Plain>;
}

/** A record as an object of plain values, keyed by the query's column names. */
export function recordToObject(record: neo4j.Record): Record<string, Plain> {
  const out: Record<string, Plain> = {};
  for (const key of record.keys) out[String(key)] = toPlain(record.get(key));
  return out;
}

/** SKIP and LIMIT must be integers on the server, not floats. */
export const int = (n: number) => neo4j.int(n);
