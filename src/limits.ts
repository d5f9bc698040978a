/**
 * Documented defaults and bounds of every numeric argument. Out-of-range values are
 * rejected, never clamped: below the minimum or not a whole number is BAD_USER_INPUT,
 * above the maximum is LIMIT_EXCEEDED. The values here are the ones the SDL documents.
 */
import { badInput, limitExceeded } from './errors.js';

export interface Bound {
  min: number;
  max: number;
}

export const LIMITS = {
  first: { min: 1, max: 100 },
  searchFirst: { min: 1, max: 50 },
  relationshipsFirst: { min: 1, max: 200 },
  /** `first` of the entity types' link and figure fields (suppliers, members, exports …). */
  linksFirst: { min: 1, max: 200 },
  maxDepth: { min: 1, max: 6 },
  perTier: { min: 1, max: 1000 },
  k: { min: 1, max: 10 },
  maxLength: { min: 1, max: 8 },
  subgraphDepth: { min: 1, max: 3 },
  subgraphLimit: { min: 1, max: 500 },
  subgraphIds: { min: 1, max: 20 },
  kinds: { min: 1, max: 20 },
} as const satisfies Record<string, Bound>;

/** The SDL's default `first` of the link and figure fields. */
export const LINKS_FIRST_DEFAULT = 50;

/** The argument's value, checked against its bound. */
export function checkInt(argument: string, value: number, bound: Bound): number {
  if (!Number.isInteger(value) || value < bound.min) {
    throw badInput(argument, `must be a whole number from ${bound.min} to ${bound.max}, got ${value}`);
  }
  if (value > bound.max) {
    throw limitExceeded(`${argument}: at most ${bound.max} is allowed, got ${value}`, { argument, max: bound.max });
  }
  return value;
}

/** A list argument's length, checked against its bound. */
export function checkCount<T>(argument: string, values: readonly T[], bound: Bound): readonly T[] {
  if (values.length < bound.min) throw badInput(argument, `must name at least ${bound.min}`);
  if (values.length > bound.max) {
    throw limitExceeded(`${argument}: at most ${bound.max} are allowed, got ${values.length}`, { argument, max: bound.max });
  }
  return values;
}
