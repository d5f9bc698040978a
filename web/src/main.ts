/**
 * The graph explorer: search an entity, see its neighbourhood, expand nodes, find the
 * dependency path between two entities, read the evidence of any node or edge, and
 * switch to upstream or downstream tiers. State lives here; drawing is in graph.ts,
 * the panel in details.ts, the data comes only from the public GraphQL API (api.ts).
 */
import './styles.css';
import { execute, onBusyChange } from './api.js';
import {
  bundleDetails,
  type DetailsActions,
  edgeDetails,
  emptyDetails,
  entityDetails,
  exposureDetails,
  hopDetails,
  pathDetails,
  tierDetails,
} from './details.js';
import { byId, h } from './dom.js';
import {
  DownstreamDocument,
  type EdgeDetailsFragment,
  EntityByNameDocument,
  EntityDetailsDocument,
  ExposedToDocument,
  FactDocument,
  HopFactsDocument,
  NeighbourhoodDocument,
  PathsDocument,
  type PathDetailsFragment,
  type TierDetailsFragment,
  UpstreamDocument,
} from './generated/graphql.js';
import { type Edge, type Entity, GraphView, type Hop } from './graph.js';
import { legend } from './legend.js';
import { type Picked, SuggestBox } from './suggest.js';
import { looksLikeId, readUrlState, type UrlState, urlOf, type View } from './url-state.js';
import { DEFAULT_OPTIONS, describeWalk, NATURE_LABELS, NATURES, type ViewOptions, walkVariables } from './view-options.js';

/** How many nodes one neighbourhood or expansion may bring in. */
const NODE_LIMIT = 150;

const state: {
  view: View;
  focus: Entity | undefined;
  /** The entity the last "path to" asked about. */
  pathTarget: Picked | undefined;
  /** The path on screen, so the panel can return to it from one of its edges. */
  path: { path: PathDetailsFragment; direction: 'UPSTREAM' | 'DOWNSTREAM' } | undefined;
  selected: string | undefined;
  /** Filters, and which links dependency views follow. */
  options: ViewOptions;
} = { view: 'neighbourhood', focus: undefined, pathTarget: undefined, path: undefined, selected: undefined, options: DEFAULT_OPTIONS };

const detailsPanel = byId('details');
const status = byId('status');
const depthSelect = byId<HTMLSelectElement>('depth');

function say(message: string, kind: 'info' | 'error' = 'info'): void {
  status.textContent = message;
  status.dataset.kind = kind;
}

function fail(error: unknown): void {
  say((error as Error).message, 'error');
}

function showPanel(content: HTMLElement): void {
  detailsPanel.replaceChildren(content);
  detailsPanel.scrollTop = 0;
}

/** A fact's (or facts') evidence; reached from a path on screen, it leads back to the path. */
function showEvidence(content: HTMLElement): void {
  const shown = state.path;
  if (!shown) return showPanel(content);
  const back = h(
    'button',
    { type: 'button', class: 'back', 'data-action': 'back-to-path', onclick: () => showPanel(pathDetails(shown.path, shown.direction, actions)) },
    '← Back to the path',
  );
  showPanel(h('div', {}, back, content));
}

const actions: DetailsActions = {
  expand: (entity) => void expand(entity),
  focus: (entity) => void focusOn({ id: entity.id, name: entity.name }),
  view: (entity, direction) => void showTiers({ id: entity.id, name: entity.name }, direction),
  pathTo: (entity) => void findPath({ id: entity.id, name: entity.name }),
  showEdge: (id) => {
    const edge = graph.edge(id);
    if (edge) void selectEdge(edge);
  },
  showNode: (id) => {
    const entity = graph.entity(id);
    if (entity) void selectNode(entity);
  },
  nameOf: (id) => graph.entity(id)?.name ?? id,
  showDrawn: (id) => {
    const hop = graph.hop(id);
    if (hop) return void selectHop(hop);
    const facts = graph.drawnEdges().find((edge) => edge.id === id)?.shown ?? [];
    const edges = facts.map((fact) => graph.edge(fact)!);
    if (edges.length === 1) void selectEdge(edges[0]!);
    else if (edges.length > 1) void selectBundle(edges);
  },
  showExposed: (exposed) => {
    // The explaining path: the entity, each hop to where the exposure lies, and that point.
    const nodes = exposed.path.nodes.map((node) => node.id);
    const hops = exposed.path.hops.map((hop) => `hop:${hop.dependent.id}>${hop.provider.id}`);
    graph.highlight([...nodes, exposed.at.id], hops);
    state.selected = exposed.entity.id;
    graph.select(exposed.entity.id);
    say(
      exposed.distance === 0
        ? `${exposed.entity.name} is named by ${state.focus?.name ?? 'it'} directly.`
        : `${exposed.entity.name} is exposed through ${exposed.path.nodes.map((n) => n.name).join(' → ')} (${NATURE_LABELS[exposed.path.nature]}).`,
    );
  },
};

const graph = new GraphView(byId('graph'), {
  onNode: (entity) => void selectNode(entity),
  onEdge: (edge) => void selectEdge(edge),
  onBundle: (edges) => void selectBundle(edges),
  onHop: (hop) => void selectHop(hop),
  onBackground: () => {
    state.selected = undefined;
    graph.select(undefined);
  },
  onExpand: (entity) => void expand(entity),
});

async function selectNode(entity: Entity): Promise<void> {
  state.selected = entity.id;
  graph.select(entity.id);
  const isFocus = entity.id === state.focus?.id;
  const relations = () => graph.incident(entity.id);
  showPanel(entityDetails(entity, undefined, actions, isFocus, relations()));
  try {
    const { entity: details } = await execute(EntityDetailsDocument, { id: entity.id });
    if (state.selected === entity.id && details) {
      const scroll = detailsPanel.scrollTop;
      showPanel(entityDetails(entity, details.sources, actions, isFocus, relations()));
      detailsPanel.scrollTop = scroll;
    }
  } catch (error) {
    fail(error);
  }
}

/** Facts with their evidence, by id: the neighbourhood brings them, walks load them on click. */
const facts = new Map<string, EdgeDetailsFragment>();

async function fact(id: string): Promise<EdgeDetailsFragment> {
  const known = facts.get(id);
  if (known) return known;
  const { relationship } = await execute(FactDocument, { id });
  if (!relationship) throw new Error(`The fact ${id} is no longer in the graph.`);
  facts.set(id, relationship);
  return relationship;
}

async function selectEdge(edge: Edge): Promise<void> {
  state.selected = edge.id;
  graph.select(edge.id);
  try {
    const details = await fact(edge.id);
    if (state.selected === edge.id) showEvidence(edgeDetails(details, actions));
  } catch (error) {
    fail(error);
  }
}

async function selectBundle(edges: Edge[]): Promise<void> {
  const first = edges[0]!;
  state.selected = first.id;
  graph.select(first.id);
  try {
    const details = await Promise.all(edges.map((edge) => fact(edge.id)));
    // Newest first; an open-ended period is the newest.
    details.sort((a, b) => (b.evidence.period.end ?? '9999').localeCompare(a.evidence.period.end ?? '9999') || a.id.localeCompare(b.id));
    if (state.selected === first.id) showEvidence(bundleDetails(details, actions));
  } catch (error) {
    fail(error);
  }
}

async function selectHop(hop: Hop): Promise<void> {
  state.selected = hop.id;
  graph.select(hop.id);
  showPanel(hopDetails(hop, undefined, actions));
  try {
    const { dependencyPaths } = await execute(HopFactsDocument, { from: hop.dependent, to: hop.provider, ...walkVariables(state.options) });
    const ids = dependencyPaths[0]?.hops.flatMap((h) => h.relationships.map((r) => r.id)) ?? [];
    const details = await Promise.all(ids.map(fact));
    if (state.selected === hop.id) showPanel(hopDetails(hop, details, actions));
  } catch (error) {
    fail(error);
  }
}

function setView(view: View): void {
  state.view = view;
  for (const button of document.querySelectorAll<HTMLButtonElement>('[data-view]')) {
    button.setAttribute('aria-pressed', String(button.dataset.view === view));
  }
  document.body.dataset.view = view;
}

/** Draws an entity's neighbourhood, replacing the graph. */
async function focusOn(picked: Picked): Promise<void> {
  try {
    say(`Loading the neighbourhood of ${picked.name}…`);
    const { subgraph } = await execute(NeighbourhoodDocument, { ids: [picked.id], depth: 1, limit: NODE_LIMIT });
    const focus = subgraph.nodes.find((node) => node.id === picked.id);
    if (!focus) throw new Error(`${picked.name} is not in the graph.`);
    setView('neighbourhood');
    state.focus = focus;
    state.pathTarget = undefined;
    state.path = undefined;
    pathBox.set('');
    searchBox.set(focus.name);
    graph.clear();
    for (const edge of subgraph.edges) facts.set(edge.id, edge);
    graph.add(subgraph.nodes, subgraph.edges, focus.id);
    graph.setFocus(focus.id);
    await graph.layoutNeighbourhood();
    renderLegend();
    remember();
    say(
      `${focus.name}: ${subgraph.nodes.length - 1} neighbours${subgraph.truncated ? ` (first ${NODE_LIMIT} shown)` : ''}. ` +
        'Double-click a node to expand it.',
    );
    await selectNode(focus);
  } catch (error) {
    fail(error);
  }
}

/** Pulls a node's neighbours into the graph. */
async function expand(entity: Entity): Promise<void> {
  try {
    say(`Expanding ${entity.name}…`);
    const { subgraph } = await execute(NeighbourhoodDocument, { ids: [entity.id], depth: 1, limit: NODE_LIMIT });
    for (const edge of subgraph.edges) facts.set(edge.id, edge);
    const before = new Set(graph.nodeIds());
    const added = graph.add(subgraph.nodes, subgraph.edges, entity.id);
    // Only the new nodes move; what was on screen stays where the user saw it.
    if (added.nodes) await graph.layoutNeighbourhood(before);
    renderLegend();
    say(
      added.nodes || added.edges
        ? `${entity.name}: added ${added.nodes} nodes and ${added.edges} edges.`
        : `${entity.name}: all its neighbours are already shown.`,
    );
  } catch (error) {
    fail(error);
  }
}

/** The dependency path between the focus and another entity, in whichever direction one exists. */
async function findPath(target: Picked): Promise<void> {
  const from = state.focus;
  if (!from) {
    say('Search for an entity first: the path starts from it.', 'error');
    return;
  }
  state.pathTarget = target;
  pathBox.set(target.name);
  try {
    say(`Looking for a dependency path between ${from.name} and ${target.name}…`);
    let direction: 'UPSTREAM' | 'DOWNSTREAM' = 'UPSTREAM';
    const walk = walkVariables(state.options);
    let paths = (await execute(PathsDocument, { from: from.id, to: target.id, direction, ...walk })).dependencyPaths;
    if (!paths.length) {
      direction = 'DOWNSTREAM';
      paths = (await execute(PathsDocument, { from: from.id, to: target.id, direction, ...walk })).dependencyPaths;
    }
    const path = paths[0];
    if (!path) {
      state.path = undefined;
      graph.clearHighlight();
      say(`Neither ${from.name} nor ${target.name} depends on the other through ${describeWalk(state.options)} (within 6 hops).`, 'error');
      return;
    }
    drawPath(path, direction);
    remember();
  } catch (error) {
    fail(error);
  }
}

function drawPath(path: PathDetailsFragment, direction: 'UPSTREAM' | 'DOWNSTREAM'): void {
  const edges = path.hops.flatMap((hop) => hop.relationships);
  const anchor = path.nodes.find((node) => graph.entity(node.id))?.id;
  const added = graph.add(path.nodes, edges, anchor);
  const finish = () => {
    renderLegend();
    graph.highlight(
      path.nodes.map((node) => node.id),
      edges.map((edge) => edge.id),
    );
    state.path = { path, direction };
    showPanel(pathDetails(path, direction, actions));
    say(
      `Dependency path (${path.dependence === 'SUPPLY' ? 'supply' : 'market'}, ${NATURE_LABELS[path.nature]}): ` +
        `${path.nodes.map((node) => node.name).join(' → ')}. Click an edge for its evidence.`,
    );
  };
  if (added.nodes && state.view === 'neighbourhood') void graph.layoutNeighbourhood().then(finish);
  else finish();
}

/** A hop of a walk as the canvas draws it. */
const hopOf = (hop: { dependent: { id: string }; provider: { id: string }; dependence: Hop['dependence']; nature: Hop['nature'] }): Omit<Hop, 'id'> => ({
  dependent: hop.dependent.id,
  provider: hop.provider.id,
  dependence: hop.dependence,
  nature: hop.nature,
});

/** The upstream or downstream tiers of an entity, in columns by tier. */
async function showTiers(picked: Picked, direction: 'upstream' | 'downstream'): Promise<void> {
  const maxDepth = Number(depthSelect.value);
  try {
    say(`Loading ${direction} tiers of ${picked.name}…`);
    let tiers: TierDetailsFragment;
    const variables = { id: picked.id, maxDepth, ...walkVariables(state.options) };
    if (direction === 'upstream') tiers = (await execute(UpstreamDocument, variables)).upstream;
    else tiers = (await execute(DownstreamDocument, variables)).downstream;
    setView(direction);
    state.focus = tiers.root;
    state.pathTarget = undefined;
    state.path = undefined;
    pathBox.set('');
    searchBox.set(tiers.root.name);
    graph.clear();
    const tierOf = new Map<string, number>([[tiers.root.id, 0]]);
    const entities: Entity[] = [tiers.root];
    const hops: Omit<Hop, 'id'>[] = [];
    for (const tier of tiers.tiers) {
      for (const reach of tier.entities) {
        tierOf.set(reach.entity.id, reach.tier);
        entities.push(reach.entity);
        for (const hop of reach.path.hops) hops.push(hopOf(hop));
      }
    }
    graph.add(entities, []);
    graph.addHops(hops);
    graph.setFocus(tiers.root.id);
    graph.layoutTiers(tierOf, direction);
    renderLegend();
    remember();
    showPanel(tierDetails(tiers, direction, actions));
    say(
      `${tiers.root.name}: ${tiers.total} ${direction === 'downstream' ? 'dependents' : tiers.dependence === 'MARKET' ? 'markets' : 'providers'} ` +
        `in ${tiers.tiers.length} ${tiers.tiers.length === 1 ? 'tier' : 'tiers'}, ` +
        `through ${describeWalk(state.options)}.`,
    );
  } catch (error) {
    fail(error);
  }
}

/** Which argument of exposedTo an entity is asked as: a policy, or a country or region. */
function exposureTarget(id: string): { policy: string } | { country: string } | undefined {
  if (id.startsWith('policy:')) return { policy: id };
  if (id.startsWith('country:') || id.startsWith('region:')) return { country: id };
  return undefined;
}

/** Everyone exposed to a policy or a country, in columns by distance, their paths drawn. */
async function showExposure(picked: Picked): Promise<void> {
  const target = exposureTarget(picked.id);
  if (!target) {
    say(`Exposure is asked of a policy, a country or a region; ${picked.name} is none of these.`, 'error');
    return;
  }
  const maxDepth = Number(depthSelect.value);
  try {
    say(`Finding who is exposed to ${picked.name}…`);
    const { exposedTo } = await execute(ExposedToDocument, { ...target, maxDepth, ...walkVariables(state.options) });
    setView('exposure');
    state.focus = exposedTo.through;
    state.pathTarget = undefined;
    state.path = undefined;
    pathBox.set('');
    searchBox.set(exposedTo.through.name);
    graph.clear();
    // Columns: where the exposure lies (-1) when it is not itself exposed, then by distance.
    const tierOf = new Map<string, number>();
    const entities = new Map<string, Entity>([[exposedTo.through.id, exposedTo.through]]);
    const hops: Omit<Hop, 'id'>[] = [];
    for (const exposed of exposedTo.entities) {
      tierOf.set(exposed.entity.id, exposed.distance);
      for (const node of exposed.path.nodes) entities.set(node.id, node);
      for (const hop of exposed.path.hops) hops.push(hopOf(hop));
    }
    for (const id of entities.keys()) if (!tierOf.has(id) && id !== exposedTo.through.id) tierOf.set(id, -1);
    graph.add([...entities.values()].filter((e) => tierOf.has(e.id)), []);
    graph.addHops(hops);
    graph.layoutTiers(tierOf, 'downstream', (tier) => (tier < 0 ? 'Where it lies' : tier === 0 ? 'Named by it' : `${tier} hop${tier === 1 ? '' : 's'} away`));
    // Where the exposure lies is marked; every exposed entity stays readable.
    graph.highlight([...new Set(exposedTo.entities.map((e) => e.at.id))], [], false);
    renderLegend();
    remember();
    showPanel(exposureDetails(exposedTo, actions, describeWalk(state.options)));
    say(`${exposedTo.total} exposed to ${exposedTo.through.name} (${describeWalk(state.options)}, within ${maxDepth} hops). Pick one to see its path.`);
  } catch (error) {
    fail(error);
  }
}

const searchBox = new SuggestBox(
  byId('search'),
  byId('search-list'),
  (picked) => void (picked.fact ? openFact(picked) : focusOn(picked)),
  (message) => say(message, 'error'),
  true,
);

/** A fact picked from the search: the neighbourhood of its first end, with the fact selected. */
async function openFact(picked: Picked): Promise<void> {
  await focusOn(picked);
  const edge = picked.fact ? graph.edge(picked.fact) : undefined;
  if (edge) await selectEdge(edge);
}
const pathBox = new SuggestBox(byId('path-to'), byId('path-list'), (picked) => void findPath(picked), (message) => say(message, 'error'));

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-view]')) {
  button.addEventListener('click', () => {
    const view = button.dataset.view as View;
    if (!state.focus) {
      say('Search for an entity first.', 'error');
      return;
    }
    const picked = { id: state.focus.id, name: state.focus.name };
    if (view === 'neighbourhood') void focusOn(picked);
    else if (view === 'exposure') void showExposure(picked);
    else void showTiers(picked, view);
  });
}
depthSelect.addEventListener('change', () => {
  if (state.view === 'neighbourhood') {
    // Tiers bound the dependency views; a neighbourhood grows by expanding its nodes.
    say(`Tiers (${depthSelect.value}) apply to Upstream, Downstream and Exposed; double-click a node to grow the neighbourhood.`);
    return;
  }
  if (!state.focus) return;
  if (state.view === 'exposure') void showExposure(state.focus);
  else void showTiers(state.focus, state.view);
});
/** Offers a file to download. */
function download(name: string, href: string): void {
  const link = h('a', { href, download: name }) as HTMLAnchorElement;
  document.body.append(link);
  link.click();
  link.remove();
}

/** A file name for exports: the view and its entity. */
const exportName = (extension: string) => `${state.view}-${(state.focus?.id ?? 'graph').replace(/[^a-z0-9-]+/gi, '-')}.${extension}`;

byId('zoom-in').addEventListener('click', () => graph.zoomBy(1.25));
byId('zoom-out').addEventListener('click', () => graph.zoomBy(0.8));
byId('fit').addEventListener('click', () => graph.fit());
byId('relayout').addEventListener('click', () => {
  if (!state.focus) return;
  if (state.view === 'neighbourhood') void graph.layoutNeighbourhood();
  else if (state.view === 'exposure') void showExposure(state.focus);
  else void showTiers(state.focus, state.view);
});
byId('export-png').addEventListener('click', () => download(exportName('png'), graph.png()));
byId('export-json').addEventListener('click', () => {
  const blob = new Blob([JSON.stringify({ view: state.view, focus: state.focus?.id ?? null, url: window.location.href, ...graph.json() }, null, 2)], {
    type: 'application/json',
  });
  const url = URL.createObjectURL(blob);
  download(exportName('json'), url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
});

byId('clear-path').addEventListener('click', () => {
  state.pathTarget = undefined;
  state.path = undefined;
  say(state.focus ? `${state.focus.name}: path cleared.` : 'Search for an entity to start.');
  pathBox.set('');
  graph.clearHighlight();
  remember();
  if (state.focus) void selectNode(state.focus);
});

const legendPanel = byId('legend');

/** The legend for what is on the canvas now, with its filters. */
function renderLegend(): void {
  legendPanel.replaceChildren(
    ...legend(graph.counts(), state.options, (next) => {
      setOptions({ ...state.options, ...next });
    }),
  );
}

const asOfInput = byId<HTMLInputElement>('as-of');
const dependenceSelect = byId<HTMLSelectElement>('dependence');
const naturesBox = byId<HTMLFieldSetElement>('natures');
naturesBox.append(
  ...NATURES.map((nature) =>
    h(
      'label',
      {},
      h('input', { type: 'checkbox', value: nature, 'data-nature': nature, checked: nature === 'REPORTED', onchange: () => onNaturesChange() }),
      NATURE_LABELS[nature],
    ),
  ),
);

/** Puts the options into the controls (after a change, on restoring a URL). */
function showOptions(options: ViewOptions): void {
  asOfInput.value = options.asOf ?? '';
  dependenceSelect.value = options.dependence;
  for (const box of naturesBox.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) box.checked = options.natures.includes(box.value as never);
}

/**
 * Applies new options: the canvas filters at once; walks, paths and exposure are asked
 * again when what they follow changed.
 */
function setOptions(options: ViewOptions): void {
  const before = state.options;
  state.options = options;
  showOptions(options);
  graph.applyOptions(options);
  renderLegend();
  const walkChanged = before.dependence !== options.dependence || before.natures.join() !== options.natures.join() || before.asOf !== options.asOf;
  if (walkChanged && state.focus && !restoring) {
    if (state.view === 'exposure') return void showExposure(state.focus).then(reselectPath);
    if (state.view !== 'neighbourhood') return void showTiers(state.focus, state.view).then(reselectPath);
    if (state.pathTarget) return void findPath(state.pathTarget);
  }
  remember();
}

/** After a dependency view is drawn again, the path the user had asked for is found again. */
async function reselectPath(): Promise<void> {
  if (state.pathTarget) await findPath(state.pathTarget);
}

function onNaturesChange(): void {
  const natures = NATURES.filter((nature) => naturesBox.querySelector<HTMLInputElement>(`input[data-nature=${nature}]`)!.checked);
  if (natures.length === 0) {
    say('Keep at least one kind of certainty: links are followed only when they have one of those checked.', 'error');
    showOptions(state.options);
    return;
  }
  setOptions({ ...state.options, natures });
}
asOfInput.addEventListener('change', () => {
  const asOf = asOfInput.value || undefined;
  setOptions({ ...state.options, asOf });
});
dependenceSelect.addEventListener('change', () => setOptions({ ...state.options, dependence: dependenceSelect.value as ViewOptions['dependence'] }));

/**
 * The graph from the keyboard: arrows step through the nodes (in name order), Enter
 * expands the selected node, + and − zoom, 0 fits, Escape clears the selection. The
 * selection is announced on the status line and its details (with its relationships as
 * a list of buttons) open in the panel.
 */
const graphElement = byId('graph');
graphElement.addEventListener('keydown', (event) => {
  const nodes = graph.visibleNodeIds();
  const current = state.selected ? nodes.indexOf(state.selected) : -1;
  const step = (by: number) => {
    if (!nodes.length) return;
    const next = nodes[(current + by + nodes.length) % nodes.length]!;
    const entity = graph.entity(next)!;
    void selectNode(entity);
    say(`${entity.name} (${entity.kind.toLowerCase()}), ${graph.incident(entity.id).length} relationships on the graph. Enter expands it.`);
  };
  switch (event.key) {
    case 'ArrowRight':
    case 'ArrowDown':
      step(current < 0 ? 0 : 1);
      break;
    case 'ArrowLeft':
    case 'ArrowUp':
      step(current < 0 ? 0 : -1);
      break;
    case 'Enter': {
      const entity = state.selected ? graph.entity(state.selected) : undefined;
      if (entity) void expand(entity);
      else return;
      break;
    }
    case '+':
    case '=':
      graph.zoomBy(1.25);
      break;
    case '-':
      graph.zoomBy(0.8);
      break;
    case '0':
      graph.fit();
      break;
    case 'Escape':
      state.selected = undefined;
      graph.select(undefined);
      break;
    default:
      return;
  }
  event.preventDefault();
});

onBusyChange((busy) => {
  document.body.dataset.busy = String(busy);
});
document.body.dataset.busy = 'false';
showPanel(emptyDetails());
renderLegend();
say('Search for an entity to start.');

/** A read-only handle for browser tests and the curious: what the graph shows now. */
const hook = {
  nodes: () => graph.nodeIds(),
  edges: () => graph.edgeIds(),
  highlighted: () => graph.highlighted(),
  focus: () => state.focus?.id,
  view: () => state.view,
  selected: () => state.selected,
  /** A request in flight, or a layout still moving nodes. */
  busy: () => document.body.dataset.busy === 'true' || graph.layingOut(),
  /** Page coordinates of a node or edge, to click it. */
  position: (id: string) => graph.renderedCenter(id),
  /** A node's place in the drawing itself, whatever the pan and zoom. */
  modelPosition: (id: string) => graph.modelPosition(id),
  zoom: () => graph.cy.zoom(),
  drawnEdges: () => graph.drawnEdges(),
  /** The labels drawn now, with their boxes on screen. */
  labels: () => graph.drawnLabels(),
  /** Hops of the walk on screen, with their dependence and nature. */
  hops: () => graph.edgeIds().flatMap((id) => (graph.hop(id) ? [graph.hop(id)!] : [])),
  /** Node ids the filters leave on screen. */
  visibleNodes: () => graph.visibleNodeIds(),
};
declare global {
  interface Window {
    __explorer: typeof hook;
  }
}
window.__explorer = hook;

/** True while a view is being restored from the address bar (it must not push a new entry). */
let restoring = false;

const currentUrl = (entity: string) =>
  urlOf({ entity, view: state.view, depth: Number(depthSelect.value), path: state.pathTarget?.id, options: state.options });

/** Puts the view on screen into the address bar, as a new history entry when it changed. */
function remember(): void {
  if (restoring || !state.focus) return;
  const url = currentUrl(state.focus.id);
  if (url !== window.location.search) window.history.pushState(null, '', url);
}

/** An entity named in the address bar, by id or by name or alias. */
async function resolve(text: string): Promise<Picked | undefined> {
  if (looksLikeId(text)) return { id: text, name: text };
  const { entityByName } = await execute(EntityByNameDocument, { name: text });
  if (!entityByName) say(`No entity is called “${text}”.`, 'error');
  return entityByName ? { id: entityByName.id, name: entityByName.name } : undefined;
}

/** Opens the view the address bar describes (on load, and on Back and Forward). */
async function restore(wanted: UrlState | undefined): Promise<void> {
  if (!wanted) return;
  restoring = true;
  try {
    const entity = await resolve(wanted.entity);
    if (!entity) return;
    depthSelect.value = String(wanted.depth);
    state.options = wanted.options;
    showOptions(wanted.options);
    graph.applyOptions(wanted.options);
    if (wanted.view === 'neighbourhood') await focusOn(entity);
    else if (wanted.view === 'exposure') await showExposure(entity);
    else await showTiers(entity, wanted.view);
    state.pathTarget = undefined;
    state.path = undefined;
    pathBox.set('');
    if (wanted.path) {
      const target = await resolve(wanted.path);
      if (target) await findPath(target);
    }
  } catch (error) {
    fail(error);
  } finally {
    restoring = false;
  }
  // A name in the URL becomes the id, so the address bar is canonical.
  if (state.focus) window.history.replaceState(null, '', currentUrl(state.focus.id));
}

window.addEventListener('popstate', () => void restore(readUrlState(window.location.search)));
// Deep links: /explorer/?entity=company:bmw (or ?entity=BMW&view=upstream&depth=2) opens that view.
void restore(readUrlState(window.location.search));
