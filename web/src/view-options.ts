/**
 * What the user chose to see: which kinds of entity and which relationship types are
 * shown, the day the facts must hold (asOf), and for dependency views the kind of
 * dependence and how certain a link must be. The canvas filters by the first three; the
 * API answers walks, paths and exposure with the last three.
 */
import type { Dependence, EntityKind, Nature } from './generated/graphql.js';

export const NATURES: readonly Nature[] = ['REPORTED', 'CLAIMED', 'PLAN', 'FORECAST', 'INTENT'];
export const DEPENDENCES: readonly Dependence[] = ['SUPPLY', 'MARKET'];

export const NATURE_LABELS: Record<Nature, string> = {
  REPORTED: 'reported',
  CLAIMED: 'claimed',
  PLAN: 'planned',
  FORECAST: 'forecast',
  INTENT: 'intended',
};

export interface ViewOptions {
  hiddenKinds: ReadonlySet<EntityKind>;
  /** Relationship types (EXPORTS, LOCATED_IN …) not drawn. */
  hiddenTypes: ReadonlySet<string>;
  /** YYYY-MM-DD: only facts whose period holds that day. */
  asOf: string | undefined;
  dependence: Dependence;
  /** Most certain first, never empty. */
  natures: readonly Nature[];
}

export const DEFAULT_OPTIONS: ViewOptions = {
  hiddenKinds: new Set(),
  hiddenTypes: new Set(),
  asOf: undefined,
  dependence: 'SUPPLY',
  natures: ['REPORTED'],
};

export interface PeriodLike {
  start: string;
  end?: string | null;
}

/** True when the fact's period holds on `asOf` (always, with no day chosen); an open end holds on. */
export function inForce(period: PeriodLike | undefined, asOf: string | undefined): boolean {
  if (!asOf || !period) return true;
  return period.start <= asOf && (period.end == null || period.end >= asOf);
}

/** The variables every walk, path and exposure query takes from the options. */
export function walkVariables(options: ViewOptions): { dependence: Dependence; natures: Nature[]; asOf: string | null } {
  return { dependence: options.dependence, natures: [...options.natures], asOf: options.asOf ?? null };
}

/** "reported supply", "market, reported or planned": what a dependency view shows, in words. */
export function describeWalk(options: Pick<ViewOptions, 'dependence' | 'natures' | 'asOf'>): string {
  const natures = options.natures.map((n) => NATURE_LABELS[n]);
  const certainty = natures.length === 1 ? natures[0]! : `${natures.slice(0, -1).join(', ')} or ${natures[natures.length - 1]}`;
  return `${certainty} ${options.dependence === 'SUPPLY' ? 'supply' : 'market'} links${options.asOf ? ` in force on ${options.asOf}` : ''}`;
}
