/**
 * The details panel: what the user clicked (an entity, or a relationship with its
 * evidence: claim, period, sources), a dependency path hop by hop, or the tiers of an
 * upstream or downstream view.
 */
import { h } from './dom.js';
import type { EdgeDetailsFragment, EntityDetailsQuery, ExposedToQuery, PathDetailsFragment, TierDetailsFragment } from './generated/graphql.js';
import { fullNumber, typeLabel } from './edge-label.js';
import type { Entity, Hop } from './graph.js';
import { kindStyle } from './kinds.js';
import { NATURE_LABELS } from './view-options.js';

export interface DetailsActions {
  expand(entity: Entity): void;
  focus(entity: Entity): void;
  view(entity: Entity, direction: 'upstream' | 'downstream'): void;
  pathTo(entity: Entity): void;
  showEdge(id: string): void;
  showNode(id: string): void;
  nameOf(id: string): string;
  /** Selects what is drawn with this id: an edge (one fact or several) or a hop. */
  showDrawn(id: string): void;
  /** Highlights the path that explains why an entity is exposed. */
  showExposed(exposed: Exposed): void;
}

type Exposed = ExposedToQuery['exposedTo']['entities'][number];

/** A relationship drawn at an entity, as the canvas shows it (graph.ts `incident`). */
export interface Relation {
  id: string;
  label: string;
  outgoing: boolean;
  other: string;
  facts: string[];
  hop: boolean;
}

type Source = NonNullable<EntityDetailsQuery['entity']>['sources'][number];

function kindBadge(entity: Pick<Entity, 'kind'>): HTMLElement {
  const style = kindStyle(entity.kind);
  return h(
    'span',
    { class: 'badge' },
    h('span', { class: 'swatch', style: `background:${style.color};clip-path:${style.clip}` }),
    style.label,
  );
}

function sourceItem(source: Source): HTMLElement {
  return h(
    'li',
    { class: 'source' },
    h('span', { class: 'publisher' }, source.publisher),
    ' · ',
    h('cite', {}, source.title),
    ' · ',
    source.date ? h('time', { datetime: source.date }, source.date) : h('span', { class: 'undated' }, 'undated'),
    source.date || !source.dateNote ? null : h('div', { class: 'muted date-note' }, source.dateNote),
  );
}

/** "China exports ×8 magnesium ingot (2024 – 2026)": a drawn relationship as a sentence. */
function relationText(entity: Entity, relation: Relation, actions: DetailsActions): string {
  const [verb, details] = relation.label.split('\n');
  const [from, to] = relation.outgoing ? [entity.name, actions.nameOf(relation.other)] : [actions.nameOf(relation.other), entity.name];
  return `${from} ${verb} ${to}${details ? ` (${details})` : ''}`;
}

/**
 * The relationships drawn at an entity, as a list of buttons: the way to every edge for
 * keyboard and screen-reader users (and for edges too crowded to click).
 */
function relationList(entity: Entity, relations: readonly Relation[], actions: DetailsActions): HTMLElement {
  return h(
    'section',
    { class: 'relations-section' },
    h('h3', { id: 'relations-heading' }, `On the graph: ${relations.length} ${relations.length === 1 ? 'relationship' : 'relationships'}`),
    relations.length
      ? h(
          'ul',
          { class: 'relations', 'aria-labelledby': 'relations-heading' },
          relations.map((relation) =>
            h(
              'li',
              {},
              h(
                'button',
                { type: 'button', 'data-drawn': relation.id, onclick: () => actions.showDrawn(relation.id) },
                relationText(entity, relation, actions),
              ),
            ),
          ),
        )
      : h('p', { class: 'muted' }, 'None drawn: expand it to see its neighbours.'),
  );
}

export function entityDetails(
  entity: Entity,
  sources: Source[] | undefined,
  actions: DetailsActions,
  isFocus: boolean,
  relations: readonly Relation[] = [],
): HTMLElement {
  return h(
    'article',
    { class: 'entity', 'data-entity': entity.id },
    h('h2', {}, entity.name),
    kindBadge(entity),
    entity.aliases.length ? h('p', { class: 'aliases' }, 'Also: ', entity.aliases.join(', ')) : null,
    h('p', {}, entity.description),
    h('p', { class: 'muted' }, `${entity.degree} relationships · ${entity.id}`),
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', 'data-action': 'expand', onclick: () => actions.expand(entity) }, 'Expand neighbours'),
      isFocus ? null : h('button', { type: 'button', 'data-action': 'focus', onclick: () => actions.focus(entity) }, 'Focus here'),
      h('button', { type: 'button', 'data-action': 'upstream', onclick: () => actions.view(entity, 'upstream') }, 'Upstream tiers'),
      h('button', { type: 'button', 'data-action': 'downstream', onclick: () => actions.view(entity, 'downstream') }, 'Downstream tiers'),
      isFocus ? null : h('button', { type: 'button', 'data-action': 'path', onclick: () => actions.pathTo(entity) }, 'Dependency path to here'),
    ),
    relationList(entity, relations, actions),
    sources
      ? h('section', {}, h('h3', {}, 'Named in'), sources.length ? h('ul', { class: 'sources' }, sources.map(sourceItem)) : h('p', { class: 'muted' }, 'No source names it.'))
      : h('p', { class: 'muted' }, 'Loading sources…'),
  );
}

export function edgeDetails(edge: EdgeDetailsFragment, actions: DetailsActions, heading: 'h2' | 'h3' = 'h2'): HTMLElement {
  const { evidence, figure } = edge;
  return h(
    'article',
    { class: 'edge', 'data-edge': edge.id },
    h(
      heading,
      {},
      h('a', { href: '#', onclick: (e: Event) => (e.preventDefault(), actions.showNode(edge.from.id)) }, actions.nameOf(edge.from.id)),
      ` ${typeLabel(edge.type)} `,
      h('a', { href: '#', onclick: (e: Event) => (e.preventDefault(), actions.showNode(edge.to.id)) }, actions.nameOf(edge.to.id)),
    ),
    h('span', { class: 'badge type' }, edge.type),
    // The type's meaning reads as a definition, not as part of a sentence.
    h('p', { class: 'muted meaning' }, `${typeLabel(edge.type)}: ${edge.meaning}`),
    edge.item ? h('p', {}, 'Concerning ', h('strong', {}, edge.item.name)) : null,
    figure
      ? h(
          'p',
          { class: 'figure' },
          figure.bound === 'AT_LEAST' ? 'at least ' : figure.bound === 'AT_MOST' ? 'at most ' : '',
          figure.approximate ? 'about ' : '',
          h('strong', {}, `${fullNumber(figure.value)} ${figure.unit}`),
          ` (${figure.unitName}${figure.metricName ? `, ${figure.metricName}` : ''})`,
        )
      : null,
    h(
      'section',
      { class: 'evidence' },
      h('h4', {}, 'Evidence'),
      h('blockquote', { class: 'claim' }, evidence.claim),
      h(
        'dl',
        {},
        h('dt', {}, 'Period'),
        h('dd', { class: 'period' }, evidence.period.text),
        h('dt', {}, 'Nature'),
        h('dd', {}, evidence.nature.toLowerCase()),
        evidence.note ? [h('dt', {}, 'Note'), h('dd', {}, evidence.note)] : null,
      ),
      h('h4', {}, evidence.sources.length === 1 ? 'Source' : 'Sources'),
      h('ul', { class: 'sources' }, evidence.sources.map(sourceItem)),
    ),
    h('p', { class: 'muted' }, edge.id),
  );
}

/** An edge standing for several facts of one type between two entities: each, newest first. */
export function bundleDetails(facts: EdgeDetailsFragment[], actions: DetailsActions): HTMLElement {
  const first = facts[0]!;
  return h(
    'article',
    { class: 'bundle', 'data-facts': String(facts.length) },
    h('h2', {}, `${actions.nameOf(first.from.id)} ${typeLabel(first.type)} ${actions.nameOf(first.to.id)}: ${facts.length} facts`),
    h('p', { class: 'muted' }, 'One edge on the graph stands for all of them (different periods, items or figures).'),
    ...facts.map((fact) => edgeDetails(fact, actions, 'h3')),
  );
}

/** A "depends on" edge of a walk: every fact that makes the one depend on the other. */
export function hopDetails(hop: Hop, facts: EdgeDetailsFragment[] | undefined, actions: DetailsActions): HTMLElement {
  return h(
    'article',
    { class: 'hop', 'data-hop': hop.id },
    h(
      'h2',
      {},
      hop.dependence === 'MARKET'
        ? `${actions.nameOf(hop.dependent)} relies on ${actions.nameOf(hop.provider)} as a market`
        : `${actions.nameOf(hop.dependent)} depends on ${actions.nameOf(hop.provider)} for supply`,
    ),
    h('p', { class: 'muted' }, `${hop.dependence === 'MARKET' ? 'Market' : 'Supply'} dependence, ${NATURE_LABELS[hop.nature]}.`),
    facts
      ? [
          h('p', { class: 'muted' }, `${facts.length} ${facts.length === 1 ? 'fact says' : 'facts say'} so:`),
          ...facts.map((fact) => edgeDetails(fact, actions, 'h3')),
        ]
      : h('p', { class: 'muted' }, 'Loading the facts…'),
  );
}

export function pathDetails(path: PathDetailsFragment, direction: 'UPSTREAM' | 'DOWNSTREAM', actions: DetailsActions): HTMLElement {
  const first = path.nodes[0];
  const last = path.nodes[path.nodes.length - 1];
  const heading =
    direction === 'UPSTREAM'
      ? `${first?.name} depends on ${last?.name}`
      : `${last?.name} depends on ${first?.name}`;
  return h(
    'article',
    { class: 'path' },
    h('h2', {}, heading),
    h(
      'p',
      { class: 'muted' },
      `${path.length} ${path.length === 1 ? 'hop' : 'hops'}: ${path.nodes.map((n) => n.name).join(' → ')}. ` +
        `${path.dependence === 'MARKET' ? 'Market' : 'Supply'} dependence; as certain as its least certain hop: ${NATURE_LABELS[path.nature]}.`,
    ),
    h(
      'ol',
      { class: 'hops' },
      path.hops.map((hop) =>
        h(
          'li',
          { 'data-nature': hop.nature, 'data-dependence': hop.dependence },
          h('strong', {}, actions.nameOf(hop.dependent.id)),
          hop.dependence === 'MARKET' ? ' sells to ' : ' depends on ',
          h('strong', {}, actions.nameOf(hop.provider.id)),
          h('span', { class: 'muted' }, ` (${NATURE_LABELS[hop.nature]})`),
          h(
            'ul',
            {},
            hop.relationships.map((rel) =>
              h(
                'li',
                {},
                h('a', { href: '#', 'data-edge': rel.id, onclick: (e: Event) => (e.preventDefault(), actions.showEdge(rel.id)) }, typeLabel(rel.type)),
                ': ',
                rel.evidence.claim,
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

export function tierDetails(tiers: TierDetailsFragment, direction: 'upstream' | 'downstream', actions: DetailsActions): HTMLElement {
  return h(
    'article',
    { class: 'tiers' },
    h('h2', {}, `${direction === 'upstream' ? 'Upstream of' : 'Downstream of'} ${tiers.root.name}`),
    h(
      'p',
      { class: 'muted' },
      direction === 'upstream'
        ? tiers.dependence === 'MARKET'
          ? `${tiers.total} markets it relies on (its buyers, and theirs), within ${tiers.maxDepth} tiers.`
          : `${tiers.total} providers it depends on, within ${tiers.maxDepth} tiers.`
        : `${tiers.total} dependents, within ${tiers.maxDepth} tiers.`,
    ),
    tiers.tiers.length
      ? tiers.tiers.map((tier) =>
          h(
            'section',
            { class: 'tier', 'data-tier': String(tier.tier) },
            h('h3', {}, `Tier ${tier.tier}`, h('span', { class: 'muted' }, ` (${tier.entities.length})`)),
            h(
              'ul',
              { class: 'chips' },
              tier.entities.map((reach) =>
                h(
                  'li',
                  {},
                  h(
                    'button',
                    { type: 'button', class: 'chip', onclick: () => actions.showNode(reach.entity.id) },
                    h('span', { class: 'swatch', style: `background:${kindStyle(reach.entity.kind).color};clip-path:${kindStyle(reach.entity.kind).clip}` }),
                    reach.entity.name,
                  ),
                ),
              ),
            ),
          ),
        )
      : h('p', {}, direction === 'upstream' ? 'It depends on nothing the graph knows of.' : 'Nothing the graph knows of depends on it.'),
  );
}

/** Who is exposed to a policy or a country: by distance, each with where and how its exposure lies. */
export function exposureDetails(set: ExposedToQuery['exposedTo'], actions: DetailsActions, through: string): HTMLElement {
  const byDistance = new Map<number, ExposedToQuery['exposedTo']['entities']>();
  for (const exposed of set.entities) byDistance.set(exposed.distance, [...(byDistance.get(exposed.distance) ?? []), exposed]);
  const scopeText = (exposed: ExposedToQuery['exposedTo']['entities'][number]) =>
    exposed.scope
      .map((m) => `meets ${m.matched.map((d) => d.toLowerCase().replace('_', ' ')).join(', ')}${m.unverified.length ? `; unverified: ${m.unverified.map((d) => d.toLowerCase().replace('_', ' ')).join(', ')}` : ''}`)
      .join(' · ');
  return h(
    'article',
    { class: 'tiers exposure' },
    h('h2', {}, `Exposed to ${set.through.name}`),
    h('p', { class: 'muted' }, `${set.total} exposed through ${through}; nearest first. Pick one to highlight its path.`),
    set.entities.length
      ? [...byDistance].map(([distance, list]) =>
          h(
            'section',
            { class: 'tier', 'data-distance': String(distance) },
            h('h3', {}, distance === 0 ? 'Named by it' : `${distance} hop${distance === 1 ? '' : 's'} away`, h('span', { class: 'muted' }, ` (${list.length})`)),
            h(
              'ul',
              { class: 'exposed' },
              list.map((exposed) =>
                h(
                  'li',
                  { 'data-id': exposed.entity.id },
                  h(
                    'button',
                    { type: 'button', class: 'chip', onclick: () => actions.showExposed(exposed) },
                    h('span', { class: 'swatch', style: `background:${kindStyle(exposed.entity.kind).color};clip-path:${kindStyle(exposed.entity.kind).clip}` }),
                    exposed.entity.name,
                  ),
                  distance > 0 ? h('span', { class: 'muted' }, ` via ${exposed.path.nodes.slice(1).map((n) => n.name).join(' → ')}`) : null,
                  exposed.scope.length ? h('span', { class: 'scope' }, ` (${scopeText(exposed)})`) : null,
                ),
              ),
            ),
          ),
        )
      : h('p', {}, `Nothing reaches it through ${through} within these tiers.`),
  );
}

export function emptyDetails(): HTMLElement {
  return h(
    'article',
    { class: 'help' },
    h('h2', {}, 'Explore the magnesium supply graph'),
    h(
      'ul',
      {},
      h('li', {}, 'Search for a company, country, policy or commodity by name or alias.'),
      h('li', {}, 'Click a node or an edge to read its details and evidence.'),
      h('li', {}, 'Double-click a node (or use “Expand neighbours”) to pull in its neighbours.'),
      h('li', {}, 'Pick a second entity under “Path to” to highlight the dependency path between the two.'),
      h('li', {}, 'Switch to Upstream or Downstream to see who it depends on, or who depends on it, tier by tier.'),
      h('li', {}, 'Pick a policy or a country and switch to Exposed to see who is exposed to it, and why.'),
      h('li', {}, 'Filter with the legend’s checkboxes, pick a day under “As of”, and choose which links dependency views follow.'),
      h('li', {}, 'Keys on the graph: arrows step through the nodes, Enter expands, + and − zoom, 0 fits, Escape clears.'),
    ),
  );
}
