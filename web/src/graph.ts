/**
 * The graph drawing: a cytoscape.js view of entities (nodes coloured and shaped by
 * kind) and relationships (edges labelled by type), with the layouts the explorer
 * uses: a force layout for neighbourhoods and columns for dependency tiers.
 */
import cytoscape, { type Core, type ElementDefinition, type EventObject } from 'cytoscape';
import type { EdgeBasicsFragment, EntityCardFragment } from './generated/graphql.js';
import { kindStyle } from './kinds.js';

export type Entity = EntityCardFragment;
export type Edge = EdgeBasicsFragment;
/** One hop of a dependency walk, drawn as a "depends on" edge; its facts load on click. */
export interface Hop {
  id: string;
  dependent: string;
  provider: string;
}

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

/** "SUPPLIES" → "supplies": edge labels in words. */
export function typeLabel(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}

const ACCENT = '#f97316';

const STYLE: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      'background-color': 'data(color)',
      shape: 'data(shape)' as never,
      label: 'data(name)',
      width: 34,
      height: 34,
      'font-size': 11,
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
      // Labels too small to read at the current zoom are not drawn (zoom in to see them).
      'min-zoomed-font-size': 7,
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
      'font-size': 8,
      color: '#374151',
      'text-rotation': 'autorotate',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 7,
    },
  },
  { selector: 'edge.hop', style: { 'line-style': 'dashed', 'line-color': '#6b7280', 'target-arrow-color': '#6b7280' } },
  { selector: 'edge:selected', style: { 'line-color': '#facc15', 'target-arrow-color': '#facc15', width: 4 } },
  { selector: 'node.path', style: { 'border-color': ACCENT, 'border-width': 6 } },
  {
    selector: 'edge.path',
    style: { 'line-color': ACCENT, 'target-arrow-color': ACCENT, width: 4, 'z-index': 10, color: '#9a3412', 'font-weight': 'bold' },
  },
  { selector: '.faded', style: { opacity: 0.18 } },
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
  /** Force layouts still running: the drawing has not settled while this is above 0. */
  private running = 0;
  private readonly bundles = new Map<string, string[]>();

  constructor(container: HTMLElement, handlers: GraphHandlers) {
    this.cy = cytoscape({ container, style: STYLE, minZoom: 0.15, maxZoom: 3 });
    this.cy.on('tap', 'node', (event: EventObject) => {
      const entity = this.entities.get(event.target.id());
      if (entity) handlers.onNode(entity);
    });
    this.cy.on('tap', 'edge', (event: EventObject) => {
      const members = (this.bundles.get(event.target.id()) ?? []).map((id) => this.edges.get(id)!);
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
  private drawn(id: string): string {
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
    const grown = new Set<string>();
    for (const edge of edges) {
      if (this.edges.has(edge.id) || !this.entities.has(edge.from.id) || !this.entities.has(edge.to.id)) continue;
      this.edges.set(edge.id, edge);
      const bundle = `bundle:${edge.from.id}>${edge.to.id}:${edge.type}`;
      const members = this.bundles.get(bundle);
      if (members) {
        members.push(edge.id);
        grown.add(bundle);
      } else {
        this.bundles.set(bundle, [edge.id]);
        elements.push({
          group: 'edges',
          data: { id: bundle, source: edge.from.id, target: edge.to.id, label: typeLabel(edge.type), type: edge.type },
        });
      }
      this.drawnAs.set(edge.id, bundle);
      added += 1;
    }
    this.cy.add(elements);
    for (const bundle of [...grown, ...elements.map((e) => String(e.data.id))]) {
      const members = this.bundles.get(bundle);
      if (!members) continue;
      const type = this.edges.get(members[0]!)!.type;
      this.cy.getElementById(bundle).data('label', members.length > 1 ? `${typeLabel(type)} ×${members.length}` : typeLabel(type));
    }
    return { nodes, edges: added };
  }

  /** Adds "depends on" edges for hops of a walk, once per pair of drawn entities. */
  addHops(hops: readonly { dependent: string; provider: string }[]): number {
    const elements: ElementDefinition[] = [];
    for (const { dependent, provider } of hops) {
      const id = `hop:${dependent}>${provider}`;
      if (this.hops.has(id) || !this.entities.has(dependent) || !this.entities.has(provider)) continue;
      this.hops.set(id, { id, dependent, provider });
      elements.push({ group: 'edges', data: { id, source: dependent, target: provider, label: 'depends on' }, classes: 'hop' });
    }
    this.cy.add(elements);
    return elements.length;
  }

  /** Marks the entity the view is about. */
  setFocus(id: string): void {
    this.cy.nodes('.focus').removeClass('focus');
    this.cy.getElementById(id).addClass('focus');
  }

  /**
   * A force layout that starts from where the nodes are, so a drawing grows in place.
   * With `keep`, those nodes are locked while it runs and the viewport is left alone:
   * expanding a node places the new ones around the drawing without moving what the
   * user was looking at.
   */
  async layoutNeighbourhood(keep?: ReadonlySet<string>): Promise<void> {
    this.running += 1;
    // Node sizes include their labels, so the layout waits for the fonts: laid out
    // before they load, the same view would come out differently on another load.
    await document.fonts.ready;
    this.cy.style().update();
    const locked = keep ? this.cy.nodes().filter((node) => keep.has(node.id())) : this.cy.collection();
    locked.lock();
    const layout = this.cy.layout({
      name: 'cose',
      animate: false,
      randomize: false,
      fit: !keep,
      padding: 40,
      nodeRepulsion: () => 9000,
      idealEdgeLength: () => 110,
      nodeDimensionsIncludeLabels: true,
    } as cytoscape.LayoutOptions);
    const done = layout.promiseOn('layoutstop').then(() => {
      locked.unlock();
      this.running -= 1;
    });
    layout.run();
    return done;
  }

  /** True while a layout is still moving nodes. */
  layingOut(): boolean {
    return this.running > 0;
  }

  /** Fits the drawing to the view, never shrinking it below a readable zoom. */
  fit(): void {
    this.cy.fit(undefined, 40);
    if (this.cy.zoom() < 0.5) this.cy.zoom({ level: 0.5, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  zoomBy(factor: number): void {
    this.cy.zoom({ level: this.cy.zoom() * factor, renderedPosition: { x: this.cy.width() / 2, y: this.cy.height() / 2 } });
  }

  /** The drawing as a PNG (a data URL), at twice the screen's resolution. */
  png(): string {
    return this.cy.png({ full: true, scale: 2, bg: '#ffffff' });
  }

  /** What the view shows, as data: the entities, the facts and the hops, with where each node is drawn. */
  json(): { nodes: (Entity & { position: { x: number; y: number } })[]; edges: Edge[]; hops: Hop[] } {
    return {
      nodes: [...this.entities.values()].map((entity) => ({ ...entity, position: this.modelPosition(entity.id)! })),
      edges: [...this.edges.values()],
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
    for (const [tier, ids] of columns) {
      const x = sign * tier * 300;
      const sorted = ids.sort((a, b) => (this.entities.get(a)?.name ?? a).localeCompare(this.entities.get(b)?.name ?? b));
      sorted.forEach((id, row) => {
        this.cy.getElementById(id).position({ x, y: (row - (sorted.length - 1) / 2) * 90 });
      });
      const top = (-(sorted.length - 1) / 2) * 90 - 70;
      labels.push({
        group: 'nodes',
        data: { id: `tier-label:${tier}`, name: labelOf(tier) },
        classes: 'tier-label',
        position: { x, y: top },
        selectable: false,
        grabbable: false,
      });
    }
    this.cy.add(labels);
    this.cy.fit(undefined, 40);
  }

  /** Highlights the given nodes and edges and fades the rest. */
  highlight(nodeIds: readonly string[], edgeIds: readonly string[], fadeTheRest = true): void {
    this.clearHighlight();
    const keep = this.cy.collection();
    for (const id of nodeIds) keep.merge(this.cy.getElementById(id));
    for (const id of edgeIds) keep.merge(this.cy.getElementById(this.drawn(id)));
    keep.addClass('path');
    if (fadeTheRest) this.cy.elements().not(keep).not('.tier-label').addClass('faded');
  }

  clearHighlight(): void {
    this.cy.elements().removeClass('path faded');
  }

  select(id: string | undefined): void {
    this.cy.elements().unselect();
    if (id) this.cy.getElementById(this.drawn(id)).select();
  }

  nodeIds(): string[] {
    return [...this.entities.keys()];
  }

  edgeIds(): string[] {
    return [...this.edges.keys(), ...this.hops.keys()];
  }

  /** The edges drawn for facts: each with its label and the facts it stands for. */
  drawnEdges(): { id: string; label: string; facts: string[] }[] {
    return [...this.bundles].map(([id, facts]) => ({ id, label: String(this.cy.getElementById(id).data('label')), facts: [...facts] }));
  }

  highlighted(): { nodes: string[]; edges: string[] } {
    return {
      nodes: this.cy.nodes('.path').map((node) => node.id()),
      edges: this.cy
        .edges('.path')
        .map((edge) => this.bundles.get(edge.id()) ?? [edge.id()])
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
}
