/**
 * The explorer's view in the address bar, so a copied URL reopens the same view and Back
 * and Forward step through the views a user opened:
 *
 *   ?entity=<id or name>&view=neighbourhood|upstream|downstream|exposure&depth=1..6&path=<id or name>
 *
 * `exposure` shows who is exposed to the entity, a policy or a country.
 *
 * `entity` and `path` take an id (`country:china`) or a name or alias (`China`); a name is
 * resolved through the API's exact lookup. Only the view is kept, not the nodes a user
 * expanded by hand.
 */
export type View = 'neighbourhood' | 'upstream' | 'downstream' | 'exposure';

export interface UrlState {
  entity: string;
  view: View;
  depth: number;
  path: string | undefined;
}

const VIEWS: readonly View[] = ['neighbourhood', 'upstream', 'downstream', 'exposure'];
const DEFAULT_DEPTH = 3;

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
  };
}

/** The query string of a state; the defaults are left out so URLs stay short. */
export function urlOf(state: UrlState): string {
  const params = new URLSearchParams({ entity: state.entity });
  if (state.view !== 'neighbourhood') params.set('view', state.view);
  if (state.view !== 'neighbourhood' && state.depth !== DEFAULT_DEPTH) params.set('depth', String(state.depth));
  if (state.path) params.set('path', state.path);
  return `?${params.toString()}`;
}

/** True for text shaped like an entity id (`<kind>:<slug>`), as opposed to a name. */
export const looksLikeId = (text: string): boolean => /^[a-z]+:[a-z0-9]+(-[a-z0-9]+)*$/.test(text);
