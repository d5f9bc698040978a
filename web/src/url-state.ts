/**
 * The explorer's view in the address bar, so a copied URL reopens the same view and Back
 * and Forward step through the views a user opened:
 *
 *   ?entity=<id or name>&view=neighbourhood|upstream|downstream|exposure&depth=1..6&path=<id or name>
 *    &hideKinds=POLICY,SECTOR&hideTypes=LOCATED_IN&asOf=2025-06-30
 *    &dependence=SUPPLY|MARKET&natures=REPORTED,PLAN
 *
 * `exposure` shows who is exposed to the entity, a policy or a country. `hideKinds` and
 * `hideTypes` are the legend's filters, `asOf` the day facts must hold; `dependence` and
 * `natures` say which links the dependency views follow.
 *
 * `entity` and `path` take an id (`country:china`) or a name or alias (`China`); a name is
 * resolved through the API's exact lookup. Only the view is kept, not the nodes a user
 * expanded by hand. Values the explorer does not know are dropped, not guessed.
 */
import type { EntityKind } from './generated/graphql.js';
import { KIND_STYLES } from './kinds.js';
import { DEFAULT_OPTIONS, DEPENDENCES, NATURES, type ViewOptions } from './view-options.js';

export type View = 'neighbourhood' | 'upstream' | 'downstream' | 'exposure';

export interface UrlState {
  entity: string;
  view: View;
  depth: number;
  path: string | undefined;
  options: ViewOptions;
}

const VIEWS: readonly View[] = ['neighbourhood', 'upstream', 'downstream', 'exposure'];
const DEFAULT_DEPTH = 3;
const KINDS = Object.keys(KIND_STYLES) as EntityKind[];
const DAY = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const list = (value: string | null): string[] => (value ? value.split(',').map((v) => v.trim()).filter(Boolean) : []);

/** The options a query string asks for; anything unknown is left out. */
export function readOptions(params: URLSearchParams): ViewOptions {
  const natures = NATURES.filter((n) => list(params.get('natures')).includes(n));
  const dependence = params.get('dependence');
  const asOf = params.get('asOf') ?? '';
  return {
    hiddenKinds: new Set(list(params.get('hideKinds')).filter((k): k is EntityKind => KINDS.includes(k as EntityKind))),
    hiddenTypes: new Set(list(params.get('hideTypes')).filter((t) => /^[A-Z_]+$/.test(t))),
    asOf: DAY.test(asOf) ? asOf : undefined,
    dependence: DEPENDENCES.find((d) => d === dependence) ?? DEFAULT_OPTIONS.dependence,
    natures: natures.length ? natures : DEFAULT_OPTIONS.natures,
  };
}

/** The state a query string asks for, or undefined when it names no entity. */
export function readUrlState(search: string): UrlState | undefined {
  const params = new URLSearchParams(search);
  const entity = params.get('entity')?.trim();
  if (!entity) return undefined;
  const view = params.get('view') as View | null;
  const depth = Number(params.get('depth'));
  return {
    entity,
    view: view && VIEWS.includes(view) ? view : 'neighbourhood',
    depth: Number.isInteger(depth) && depth >= 1 && depth <= 6 ? depth : DEFAULT_DEPTH,
    path: params.get('path')?.trim() || undefined,
    options: readOptions(params),
  };
}

/** The query string of a state; the defaults are left out so URLs stay short. */
export function urlOf(state: UrlState): string {
  const params = new URLSearchParams({ entity: state.entity });
  if (state.view !== 'neighbourhood') params.set('view', state.view);
  if (state.view !== 'neighbourhood' && state.depth !== DEFAULT_DEPTH) params.set('depth', String(state.depth));
  if (state.path) params.set('path', state.path);
  const { options } = state;
  if (options.hiddenKinds.size) params.set('hideKinds', [...options.hiddenKinds].sort().join(','));
  if (options.hiddenTypes.size) params.set('hideTypes', [...options.hiddenTypes].sort().join(','));
  if (options.asOf) params.set('asOf', options.asOf);
  if (options.dependence !== DEFAULT_OPTIONS.dependence) params.set('dependence', options.dependence);
  if (options.natures.join(',') !== DEFAULT_OPTIONS.natures.join(',')) params.set('natures', options.natures.join(','));
  return `?${params.toString()}`;
}

/** True for text shaped like an entity id (`<kind>:<slug>`), as opposed to a name. */
export const looksLikeId = (text: string): boolean => /^[a-z]+:[a-z0-9]+(-[a-z0-9]+)*$/.test(text);
