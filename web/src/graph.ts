/**
 * The graph drawing: a cytoscape.js view of entities (nodes coloured and shaped by
 * kind) and relationships (edges labelled by type), with the layouts the explorer
 * uses: a force layout for neighbourhoods and columns for dependency tiers.
 */
import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape';
import { edgeLabel } from './edge-label.js';
import type { Dependence, EdgeBasicsFragment, EntityCardFragment, EntityKind, Nature } from './generated/graphql.js';
import { kindStyle } from './kinds.js';
import { type Box, declutter, type LabelBox } from './labels.js';
import { withSeededRandom } from './seeded-random.js';
import { DEFAULT_OPTIONS, inForce, NATURE_LABELS, type ViewOptions } from './view-options.js';

export type Entity = EntityCardFragment;
export type Edge = EdgeBasicsFragment;
/** One hop of a dependency walk, drawn as a "depends on" edge; its facts load on click. */
export interface Hop {
  id: string;
  dependent: string;
  provider: string;
  dependence: Dependence;
  /** The most certain nature of the hop's facts. */
  nature: Nature;
}

/** An edge as drawn: one fact, or several facts of one type between the same two entities. */
export interface DrawnEdge {
  id: string;
  label: string;
  facts: string[];
  /** The facts the filters leave (all of them when nothing is filtered). */
  shown: string[];
}

/** Label sizes in screen pixels, whatever the zoom (graph.ts rescales them as the view zooms). */
const NODE_FONT = 10;
const EDGE_FONT = 8.5;
/**
 * The drawing area force layouts assume, whatever the window: cose centres its gravity on
 * the container and packs components by its shape, so a status line wrapping to a second
 * line gave the same view another drawing. With a fixed area (and fixed randomness), the
 * same data is drawn the same way on every load.
 */
const LAYOUT_AREA = { width: 1200, height: 800 };

export interface GraphHandlers {
  onNode(entity: Entity): void;
  onEdge(edge: Edge): void;
  /** A click on an edge that stands for several facts of one type between the same two entities. */
  onBundle(edges: Edge[]): void;
  onHop(hop: Hop): void;
  onBackground(): void;
  /** A double click (or double tap) on a node. */
  onExpand(entity: Entity): void;
}

const ACCENT = '#f97316';
const SUPPLY = '#0f766e';
const MARKET = '#7c3aed';

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      shape: 'data(shape)' as never,
      label: 'data(name)',
      width: 34,
      height: 34,
      'font-size': NODE_FONT,
      color: '#111827',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '130px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      'border-width': 2,
      'border-color': '#ffffff',
    },
  },
  { selector: 'node.focus', style: { width: 46, height: 46, 'border-color': '#111827', 'border-width': 3, 'font-weight': 'bold' } },
  { selector: 'node:selected', style: { 'border-color': '#facc15', 'border-width': 5 } },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#9ca3af',
      'target-arrow-color': '#9ca3af',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.9,
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': EDGE_FONT,
      color: '#374151',
      'text-wrap': 'wrap',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
    },
  },
  // How certain a fact is, by its line: reported solid, claimed long dashes, planned
  // dashes, forecast and intended dots.
  { selector: 'edge.nature-CLAIMED', style: { 'line-style': 'dashed', 'line-dash-pattern': [9, 3] } },
  { selector: 'edge.nature-PLAN', style: { 'line-style': 'dashed', 'line-dash-pattern': [5, 4] } },
  { selector: 'edge.nature-FORECAST', style: { 'line-style': 'dotted' } },
  { selector: 'edge.nature-INTENT', style: { 'line-style': 'dotted', opacity: 0.75 } },
  // Dependency hops: supply and market dependence in their own colours.
  { selector: 'edge.hop', style: { width: 2.5, 'line-color': SUPPLY, 'target-arrow-color': SUPPLY, color: SUPPLY } },
  { selector: 'edge.hop.market', style: { 'line-color': MARKET, 'target-arrow-color': MARKET, color: MARKET } },
  { selector: 'edge:selected', style: { 'line-color': '#facc15', 'target-arrow-color': '#facc15', width: 4 } },
  { selector: 'node.path', style: { 'border-color': ACCENT, 'border-width': 6 } },
  {
    selector: 'edge.path',
    style: { 'line-color': ACCENT, 'target-arrow-color': ACCENT, width: 4, 'z-index': 10, color: '#9a3412', 'font-weight': 'bold' },
  },
  // The selected edge stays visible on a highlighted path.
  { selector: 'edge.path:selected', style: { 'line-color': '#facc15', 'target-arrow-color': '#facc15', width: 6 } },
  { selector: '.faded', style: { opacity: 0.18 } },
  // Labels left out so that none overlaps another (see declutter); hovering shows one.
  { selector: '.quiet', style: { label: '' } },
  { selector: '.quiet.hover', style: { label: 'data(label)', 'z-index': 20 } },
  { selector: 'node.quiet.hover', style: { label: 'data(name)' } },
  { selector: '.filtered', style: { display: 'none' } },
  {
    selector: 'node.tier-label',
    style: {
      'background-opacity': 0,
      'border-width': 0,
      label: 'data(name)',
      'text-valign': 'center',
      'font-size': 14,
      'font-weight': 'bold',
      color: '#6b7280',
      events: 'no',
    },
  },
];

/** The facts an edge stands for, and the filters' verdict on each. */
interface Bundle {
  facts: string[];
  shown: string[];
}

export class GraphView {
  readonly cy: Core;
  private readonly entities = new Map<string, Entity>();
  private readonly edges = new Map<string, Edge>();
  private readonly hops = new Map<string, Hop>();
  /**
   * Parallel facts of one type between the same two entities (China exports to Japan,
   * period by period) are drawn as one edge, labelled with their count: a fact id →
   * the id of the edge drawn for it, and that edge's id → its facts.
   */
  private readonly drawnAs = new Map<string, string>();
  private readonly bundles = new Map<string, Bundle>();
  /** Force layouts still running: the drawing has not settled while this is above 0. */
  private running = 0;
  private options: ViewOptions = DEFAULT_OPTIONS;
  private declutterTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(container: HTMLElement, handlers: GraphHandlers) {
    this.cy = cytoscape({ container, style: STYLE, minZoom: 0.15, maxZoom: 3 });
    this.cy.on('tap', 'node', (event: EventObject) => {
      const entity = this.entities.get(event.target.id());
      if (entity) handlers.onNode(entity);
    });
    this.cy.on('tap', 'edge', (event: EventObject) => {
      const bundle = this.bundles.get(event.target.id());
      const members = (bundle?.shown ?? []).map((id) => this.edges.get(id)!);
      if (members.length === 1) handlers.onEdge(members[0]!);
      else if (members.length > 1) handlers.onBundle(members);
      const hop = this.hops.get(event.target.id());
      if (hop) handlers.onHop(hop);
    });
    this.cy.on('dbltap', 'node', (event: EventObject) => {
      const entity = this.entities.get(event.target.id());
      if (entity) handlers.onExpand(entity);
    });
    this.cy.on('tap', (event: EventObject) => {
      if (event.target === this.cy) handlers.onBackground();
    });
    this.cy.on('mouseover', 'node, edge', (event: EventObject) => event.target.addClass('hover'));
    this.cy.on('mouseout', 'node, edge', (event: EventObject) => event.target.removeClass('hover'));
    // Labels keep their size on screen as the view zooms, and which fit is decided again
    // once the zoom settles: zooming in shows more of them.
    this.cy.on('zoom', () => this.scheduleDeclutter());
  }

  entity(id: string): Entity | undefined {
    return this.entities.get(id);
  }

  edge(id: string): Edge | undefined {
    return this.edges.get(id);
  }

  hop(id: string): Hop | undefined {
    return this.hops.get(id);
  }

  clear(): void {
    this.cy.elements().remove();
    this.entities.clear();
    this.edges.clear();
    this.hops.clear();
    this.drawnAs.clear();
    this.bundles.clear();
  }

  /** The id of what is drawn for a fact, hop or node id (a fact may be drawn in a bundle). */
  drawn(id: string): string {
    return this.drawnAs.get(id) ?? id;
  }

  /**
   * Adds entities and relationships not yet drawn (edges whose ends are not drawn are
   * left out), new nodes starting at `near`'s position. Returns how many were added.
   */
  add(entities: readonly Entity[], edges: readonly Edge[], near?: string): { nodes: number; edges: number } {
    const origin = near ? this.cy.getElementById(near) : undefined;
    const start = origin && origin.nonempty() ? origin.position() : { x: 0, y: 0 };
    const elements: ElementDefinition[] = [];
    const fresh = entities.filter((entity, index) => !this.entities.has(entity.id) && entities.findIndex((e) => e.id === entity.id) === index);
    // New nodes start on a circle around `near` (no randomness: the same data gives the
    // same drawing), then the force layout settles them.
    const radius = 60 + 12 * Math.sqrt(fresh.length);
    fresh.forEach((entity, index) => {
      this.entities.set(entity.id, entity);
      const style = kindStyle(entity.kind);
      const angle = (2 * Math.PI * index) / Math.max(1, fresh.length);
      elements.push({
        group: 'nodes',
        data: { id: entity.id, name: entity.name, kind: entity.kind, color: style.color, shape: style.shape },
        position: entity.id !== near ? { x: start.x + radius * Math.cos(angle), y: start.y + radius * Math.sin(angle) } : { ...start },
      });
    });
    const nodes = fresh.length;
    let added = 0;
    for (const edge of edges) {
      if (this.edges.has(edge.id) || !this.entities.has(edge.from.id) || !this.entities.has(edge.to.id)) continue;
      this.edges.set(edge.id, edge);
      const id = `bundle:${edge.from.id}>${edge.to.id}:${edge.type}`;
      const bundle = this.bundles.get(id);
      if (bundle) bundle.facts.push(edge.id);
      else {
        this.bundles.set(id, { facts: [edge.id], shown: [] });
        elements.push({ group: 'edges', data: { id, source: edge.from.id, target: edge.to.id, label: '', type: edge.type } });
      }
      this.drawnAs.set(edge.id, id);
      added += 1;
    }
    this.cy.add(elements);
    this.applyOptions(this.options);
    return { nodes, edges: added };
  }

  /** Adds "depends on" edges for hops of a walk, once per pair of drawn entities. */
  addHops(hops: readonly Omit<Hop, 'id'>[]): number {
    const elements: ElementDefinition[] = [];
    for (const hop of hops) {
      const id = `hop:${hop.dependent}>${hop.provider}`;
      if (this.hops.has(id) || !this.entities.has(hop.dependent) || !this.entities.has(hop.provider)) continue;
      this.hops.set(id, { id, ...hop });
      const words = [hop.dependence === 'MARKET' ? 'sells to' : 'depends on'];
      if (hop.nature !== 'REPORTED') words.push(NATURE_LABELS[hop.nature]);
      elements.push({
        group: 'edges',
        data: { id, source: hop.dependent, target: hop.provider, label: words.join('\n') },
        classes: `hop ${hop.dependence.toLowerCase()} nature-${hop.nature}`,
      });
    }
    this.cy.add(elements);
    return elements.length;
  }

  /**
   * Applies the user's filters: hidden kinds of entity and relationship types, and the
   * day facts must hold. An edge standing for several facts shows how many remain; the
   * focus is never hidden.
   */
  applyOptions(options: ViewOptions): void {
    this.options = options;
    this.cy.batch(() => {
      for (const node of this.cy.nodes().not('.tier-label')) {
        const entity = this.entities.get(node.id());
        const hidden = !!entity && options.hiddenKinds.has(entity.kind) && !node.hasClass('focus');
        node.toggleClass('filtered', hidden);
      }
      for (const [id, bundle] of this.bundles) {
        bundle.shown = bundle.facts.filter((factId) => {
          const fact = this.edges.get(factId)!;
          return !options.hiddenTypes.has(fact.type) && inForce(fact.evidence.period, options.asOf);
        });
        const element = this.cy.getElementById(id);
        const facts = bundle.shown.map((factId) => this.edges.get(factId)!);
        element.data('label', edgeLabel(facts));
        for (const nature of Object.keys(NATURE_LABELS)) element.removeClass(`nature-${nature}`);
        // An edge of several facts is drawn as certain as its most certain fact.
        const natures = facts.map((f) => f.evidence.nature);
        const nature = (Object.keys(NATURE_LABELS) as Nature[]).find((n) => natures.includes(n));
        if (nature) element.addClass(`nature-${nature}`);
        element.toggleClass('filtered', bundle.shown.length === 0);
      }
    });
    this.scheduleDeclutter(0);
  }

  /** What the view holds, for the legend: nodes per kind and facts per relationship type, all and shown. */
  counts(): { kinds: Map<EntityKind, { all: number; shown: number }>; types: Map<string, { all: number; shown: number }> } {
    const kinds = new Map<EntityKind, { all: number; shown: number }>();
    for (const entity of this.entities.values()) {
      const count = kinds.get(entity.kind) ?? { all: 0, shown: 0 };
      count.all += 1;
      if (!this.cy.getElementById(entity.id).hasClass('filtered')) count.shown += 1;
      kinds.set(entity.kind, count);
    }
    const types = new Map<string, { all: number; shown: number }>();
    for (const [id, bundle] of this.bundles) {
      const visible = this.cy.getElementById(id).visible();
      for (const factId of bundle.facts) {
        const type = this.edges.get(factId)!.type;
        const count = types.get(type) ?? { all: 0, shown: 0 };
        count.all += 1;
        if (visible && bundle.shown.includes(factId)) count.shown += 1;
        types.set(type, count);
      }
    }
    return { kinds, types };
  }

  /** Marks the entity the view is about. */
  setFocus(id: string): void {
    this.cy.nodes('.focus').removeClass('focus');
    this.cy.getElementById(id).addClass('focus').removeClass('filtered');
  }

  /**
   * A force layout that starts from where the nodes are, so a drawing grows in place.
   * With `keep`, those nodes are locked while it runs and the viewport is left alone:
   * expanding a node places the new ones around the drawing without moving what the
   * user was looking at. The same view is drawn the same way on every load: fixed
   * randomness, a fixed drawing area and label sizes (see LAYOUT_AREA).
   */
  async layoutNeighbourhood(keep?: ReadonlySet<string>): Promise<void> {
    this.running += 1;
    try {
      // Node sizes include their labels, so the layout waits for the fonts: laid out
      // before they load, the same view would come out differently on another load.
      await document.fonts.ready;
      this.setLabelSizes(1);
      const locked = keep ? this.cy.nodes().filter((node) => keep.has(node.id())) : this.cy.collection();
      locked.lock();
      const layout = this.cy.layout({
        name: 'cose',
        animate: false,
        randomize: false,
        fit: false,
        padding: 40,
        nodeRepulsion: () => 9000,
        idealEdgeLength: () => 110,
        nodeDimensionsIncludeLabels: true,
        eles: this.cy.elements().not('.tier-label'),
      } as cytoscape.LayoutOptions);
      // cose reads the container's size through cy.width()/height(); both are fixed for
      // the (synchronous) run, as is Math.random.
      const cy = this.cy as Core & { width(): number; height(): number };
      const own = { width: cy.width, height: cy.height };
      cy.width = () => LAYOUT_AREA.width;
      cy.height = () => LAYOUT_AREA.height;
      try {
        withSeededRandom(0x6d67, () => layout.run());
      } finally {
        cy.width = own.width;
        cy.height = own.height;
      }
      locked.unlock();
      if (!keep) this.fit();
      else this.declutterNow();
    } finally {
      this.running -= 1;
    }
  }

  /** True while a layout is still moving nodes. */
  layingOut(): boolean {
    return this.running > 0;
  }

  /** Fits the drawing to the view, never shrinking it below a readable zoom. */
  fit(): void {
    this.cy.fit(this.cy.elements(':visible'), 40);
    if (this.cy.zoom() < 0.5) this.cy.zoom({ level: 0.5, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
    this.declutterNow();
  }

  zoomBy(factor: number): void {
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
    this.declutterNow();
  }

  /** The drawing as a PNG (a data URL), at twice the screen's resolution. */
  png(): string {
    return this.cy.png({ full: true, scale: 2, bg: '#ffffff' });
  }

  /** What the view shows, as data: the entities, the facts and the hops, with where each node is drawn. */
  json(): { nodes: (Entity & { position: { x: number; y: number } })[]; edges: Edge[]; hops: Hop[] } {
    const shown = (id: string) => !this.cy.getElementById(this.drawn(id)).hasClass('filtered');
    return {
      nodes: [...this.entities.values()].filter((e) => shown(e.id)).map((entity) => ({ ...entity, position: this.modelPosition(entity.id)! })),
      edges: [...this.edges.values()].filter((e) => shown(e.id) && this.bundles.get(this.drawn(e.id))!.shown.includes(e.id)),
      hops: [...this.hops.values()],
    };
  }

  /** Where a node sits in the drawing's own coordinates (unaffected by pan and zoom). */
  modelPosition(id: string): { x: number; y: number } | undefined {
    const node = this.cy.getElementById(id);
    return node.nonempty() ? { ...node.position() } : undefined;
  }

  /** Columns by tier: the root in column 0, tier n in column n, each under a heading. */
  layoutTiers(
    tierOf: ReadonlyMap<string, number>,
    direction: 'upstream' | 'downstream',
    labelOf: (tier: number) => string = (tier) => (tier === 0 ? 'Root' : `Tier ${tier}`),
  ): void {
    const columns = new Map<number, string[]>();
    for (const [id, tier] of tierOf) columns.set(tier, [...(columns.get(tier) ?? []), id]);
    const sign = direction === 'upstream' ? 1 : -1;
    const labels: ElementDefinition[] = [];
    // Columns close enough that a few tiers fit a small window at a readable zoom.
    const gap = 230;
    for (const [tier, ids] of columns) {
      const x = sign * tier * gap;
      const sorted = ids.sort((a, b) => (this.entities.get(a)?.name ?? a).localeCompare(this.entities.get(b)?.name ?? b));
      sorted.forEach((id, row) => {
        this.cy.getElementById(id).position({ x, y: (row - (sorted.length - 1) / 2) * 80 });
      });
      const top = (-(sorted.length - 1) / 2) * 80 - 60;
      labels.push({
        group: 'nodes',
        data: { id: `tier-label:${tier}`, name: labelOf(tier), color: '#ffffff', shape: 'rectangle' },
        classes: 'tier-label',
        position: { x, y: top },
        selectable: false,
        grabbable: false,
      });
    }
    this.cy.add(labels);
    this.fit();
  }

  /** Highlights the given nodes and edges and fades the rest. */
  highlight(nodeIds: readonly string[], edgeIds: readonly string[], fadeTheRest = true): void {
    this.clearHighlight();
    const keep = this.cy.collection();
    for (const id of nodeIds) keep.merge(this.cy.getElementById(id));
    for (const id of edgeIds) keep.merge(this.cy.getElementById(this.drawn(id)));
    keep.addClass('path');
    if (fadeTheRest) this.cy.elements().not(keep).not('.tier-label').addClass('faded');
    this.declutterNow();
  }

  clearHighlight(): void {
    this.cy.elements().removeClass('path faded');
    this.declutterNow();
  }

  select(id: string | undefined): void {
    this.cy.elements().unselect();
    if (id) this.cy.getElementById(this.drawn(id)).select();
    this.declutterNow();
  }

  nodeIds(): string[] {
    return [...this.entities.keys()];
  }

  /** The nodes not filtered out, in name order: the order keyboard users step through. */
  visibleNodeIds(): string[] {
    return [...this.entities.values()]
      .filter((entity) => !this.cy.getElementById(entity.id).hasClass('filtered'))
      .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1))
      .map((entity) => entity.id);
  }

  edgeIds(): string[] {
    return [...this.edges.keys(), ...this.hops.keys()];
  }

  /** The edges drawn for facts: each with its label and the facts it stands for. */
  drawnEdges(): DrawnEdge[] {
    return [...this.bundles].map(([id, bundle]) => ({
      id,
      label: String(this.cy.getElementById(id).data('label')),
      facts: [...bundle.facts],
      shown: [...bundle.shown],
    }));
  }

  /** The drawn edges and hops at a node, shown ones only: its relationships on the canvas. */
  incident(id: string): { id: string; label: string; outgoing: boolean; other: string; facts: string[]; hop: boolean }[] {
    const node = this.cy.getElementById(id);
    if (node.empty()) return [];
    return node
      .connectedEdges()
      .toArray()
      .filter((edge) => !edge.hasClass('filtered') && edge.visible())
      .map((edge: cytoscape.EdgeSingular) => {
        const outgoing = edge.source().id() === id;
        const bundle = this.bundles.get(edge.id());
        return {
          id: edge.id(),
          label: String(edge.data('label')),
          outgoing,
          other: outgoing ? edge.target().id() : edge.source().id(),
          facts: bundle ? [...bundle.shown] : [],
          hop: this.hops.has(edge.id()),
        };
      })
      .sort((a, b) => a.label.localeCompare(b.label) || a.other.localeCompare(b.other));
  }

  highlighted(): { nodes: string[]; edges: string[] } {
    return {
      nodes: this.cy.nodes('.path').map((node) => node.id()),
      edges: this.cy
        .edges('.path')
        .map((edge) => this.bundles.get(edge.id())?.facts ?? [edge.id()])
        .flat(),
    };
  }

  /** Where an element is drawn, in page coordinates (for tests that click it). */
  renderedCenter(id: string): { x: number; y: number } | undefined {
    const element = this.cy.getElementById(this.drawn(id));
    if (element.empty()) return undefined;
    const box = this.cy.container()!.getBoundingClientRect();
    const p = element.isEdge() ? element.renderedMidpoint() : (element as cytoscape.NodeSingular).renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }

  /**
   * The labels drawn now, with their boxes on screen (page pixels, the canvas's top-left
   * at 0,0): for tests that check none overlaps another.
   */
  drawnLabels(): { id: string; x1: number; y1: number; x2: number; y2: number }[] {
    const zoom = this.cy.zoom();
    const pan = this.cy.pan();
    return this.labelled()
      .filter((element) => !element.hasClass('quiet'))
      .map((element) => {
        const box = element.boundingBox({ includeNodes: false, includeEdges: false, includeLabels: true, includeOverlays: false } as never);
        return { id: element.id(), x1: box.x1 * zoom + pan.x, y1: box.y1 * zoom + pan.y, x2: box.x2 * zoom + pan.x, y2: box.y2 * zoom + pan.y };
      })
      .filter((box) => box.x2 > box.x1 && box.y2 > box.y1);
  }

  /** Elements that carry a label and are shown (tier headings aside). */
  private labelled(): cytoscape.SingularElementArgument[] {
    return this.cy
      .elements()
      .toArray()
      .filter((element) => element.visible() && !element.hasClass('tier-label') && !element.hasClass('filtered'));
  }

  /** Label sizes in the drawing's own units for a zoom, so that on screen they stay the same size. */
  private setLabelSizes(zoom: number): void {
    // Between 1/3 and 2× their screen size in drawing units: zoomed far out, most labels
    // give way (declutter); zoomed in, they shrink in the drawing and more fit.
    const scale = Math.min(2, Math.max(1 / 3, 1 / zoom));
    this.cy.style().selector('node').style('font-size', NODE_FONT * scale).selector('edge').style('font-size', EDGE_FONT * scale).update();
  }

  private scheduleDeclutter(delay = 120): void {
    clearTimeout(this.declutterTimer);
    this.declutterTimer = setTimeout(() => this.declutterNow(), delay);
  }

  /**
   * Decides which labels to draw so that none overlaps another, most important first:
   * the focus, what is selected, what is highlighted, then nodes with the most links,
   * then edges (those standing for more facts first). Node bodies block edge labels.
   */
  declutterNow(): void {
    clearTimeout(this.declutterTimer);
    this.setLabelSizes(this.cy.zoom());
    const elements = this.labelled();
    for (const element of elements) element.removeClass('quiet');
    const boxOf = (element: cytoscape.SingularElementArgument, labels: boolean): Box => {
      const box = element.boundingBox({ includeNodes: !labels, includeEdges: false, includeLabels: labels, includeOverlays: false } as never);
      return { x1: box.x1, y1: box.y1, x2: box.x2, y2: box.y2 };
    };
    const rank = (element: cytoscape.SingularElementArgument): number => {
      if (element.hasClass('focus')) return 0;
      if (element.selected()) return 1;
      if (element.hasClass('path')) return 2 + (element.isEdge() ? 1 : 0);
      if (element.hasClass('faded')) return 1e6;
      if (element.isNode()) return 10 + 1 / (1 + (element as cytoscape.NodeSingular).connectedEdges(':visible').length);
      return 100 + 1 / (1 + (this.bundles.get(element.id())?.shown.length ?? 1));
    };
    const labels: LabelBox[] = elements.map((element) => ({
      id: element.id(),
      ...boxOf(element, true),
      priority: rank(element),
      avoidsBodies: element.isEdge(),
    }));
    const bodies = this.cy.nodes(':visible').not('.tier-label').toArray().map((node) => boxOf(node, false));
    const kept = declutter(labels, bodies);
    this.cy.batch(() => {
      for (const element of elements) if (!kept.has(element.id())) element.addClass('quiet');
    });
  }
}
