/**
 * The legend, which is also the filter: every kind of entity and every relationship type
 * in the view, with how many the view holds (and how many are shown when some are
 * filtered out), each a checkbox that hides or shows it; then the key to the lines
 * (facts by certainty, dependency hops by kind of dependence, paths).
 */
import { h } from './dom.js';
import { typeLabel } from './edge-label.js';
import type { EntityKind } from './generated/graphql.js';
import { KIND_STYLES } from './kinds.js';

export interface Counts {
  kinds: ReadonlyMap<EntityKind, { all: number; shown: number }>;
  types: ReadonlyMap<string, { all: number; shown: number }>;
}

export interface LegendState {
  hiddenKinds: ReadonlySet<EntityKind>;
  hiddenTypes: ReadonlySet<string>;
}

const countText = ({ all, shown }: { all: number; shown: number }) => (shown === all ? String(all) : `${shown} of ${all}`);

function toggle(name: string, value: string, label: (Node | string)[], checked: boolean, count: string, onChange: (checked: boolean) => void): HTMLElement {
  const id = `legend-${name}-${value}`;
  return h(
    'li',
    { [`data-${name}`]: value },
    h('input', {
      type: 'checkbox',
      id,
      checked,
      onchange: (event: Event) => onChange((event.target as HTMLInputElement).checked),
    }),
    h('label', { for: id }, ...label, ' ', h('span', { class: 'count' }, count)),
  );
}

/** The legend for what the view holds; a change calls onChange with the new hidden sets. */
export function legend(counts: Counts, state: LegendState, onChange: (next: LegendState) => void): HTMLElement[] {
  // An empty view lists every kind, as a key to the shapes and colours.
  const kinds = (Object.keys(KIND_STYLES) as EntityKind[]).filter(
    (kind) => counts.kinds.size === 0 || counts.kinds.has(kind) || state.hiddenKinds.has(kind),
  );
  const types = [...new Set([...counts.types.keys(), ...state.hiddenTypes])].sort();
  const without = <T>(set: ReadonlySet<T>, value: T, keep: boolean) => {
    const next = new Set(set);
    if (keep) next.delete(value);
    else next.add(value);
    return next;
  };
  return [
    h('h2', { id: 'legend-kinds' }, 'Kinds'),
    h(
      'ul',
      { 'aria-labelledby': 'legend-kinds', class: 'filters' },
      kinds.map((kind) =>
        toggle(
          'kind',
          kind,
          [h('span', { class: 'swatch', style: `background:${KIND_STYLES[kind].color};clip-path:${KIND_STYLES[kind].clip}` }), KIND_STYLES[kind].label],
          !state.hiddenKinds.has(kind),
          countText(counts.kinds.get(kind) ?? { all: 0, shown: 0 }),
          (checked) => onChange({ ...state, hiddenKinds: without(state.hiddenKinds, kind, checked) }),
        ),
      ),
    ),
    types.length
      ? [
          h('h2', { id: 'legend-types' }, 'Relationships'),
          h(
            'ul',
            { 'aria-labelledby': 'legend-types', class: 'filters' },
            types.map((type) =>
              toggle(
                'type',
                type,
                [typeLabel(type)],
                !state.hiddenTypes.has(type),
                countText(counts.types.get(type) ?? { all: 0, shown: 0 }),
                (checked) => onChange({ ...state, hiddenTypes: without(state.hiddenTypes, type, checked) }),
              ),
            ),
          ),
        ]
      : [],
    h('h2', { id: 'legend-lines' }, 'Lines'),
    h(
      'ul',
      { 'aria-labelledby': 'legend-lines', class: 'key' },
      h('li', {}, h('span', { class: 'line' }), 'reported fact'),
      h('li', {}, h('span', { class: 'line planned' }), 'planned or claimed'),
      h('li', {}, h('span', { class: 'line forecast' }), 'forecast or intended'),
      h('li', {}, h('span', { class: 'line supply' }), 'supply dependence'),
      h('li', {}, h('span', { class: 'line market' }), 'market dependence'),
      h('li', {}, h('span', { class: 'line path' }), 'dependency path'),
    ),
  ].flat();
}
