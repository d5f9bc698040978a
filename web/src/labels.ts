/**
 * Which labels to draw so that none overlaps another: the way maps place place-names.
 * Cytoscape draws every label where its element is and has no collision handling, so a
 * hub (China: 44 nodes, 128 facts) piles hundreds of labels on each other. Labels are
 * taken in order of importance and one is kept only when its box meets no box already
 * kept (nor an obstacle: a node's body, which an edge label must not cover). Zooming in
 * shrinks labels in the drawing's own coordinates (graph.ts), so more of them fit.
 */
export interface Box {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface LabelBox extends Box {
  id: string;
  /** Lower is more important: kept first. */
  priority: number;
  /** Whether node bodies block it (edge labels: yes; a node's own label sits beside its body). */
  avoidsBodies: boolean;
}

/** A little air between labels, in the drawing's coordinates. */
const GAP = 1;

export const overlaps = (a: Box, b: Box, gap = 0): boolean =>
  a.x1 < b.x2 + gap && b.x1 < a.x2 + gap && a.y1 < b.y2 + gap && b.y1 < a.y2 + gap;

/** The ids of the labels to draw: the most important first, each only if it fits. */
export function declutter(labels: readonly LabelBox[], bodies: readonly Box[]): Set<string> {
  const kept: LabelBox[] = [];
  const order = [...labels].sort((a, b) => a.priority - b.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const label of order) {
    if (label.x2 <= label.x1 || label.y2 <= label.y1) continue;
    if (label.avoidsBodies && bodies.some((body) => overlaps(label, body))) continue;
    if (kept.some((other) => overlaps(label, other, GAP))) continue;
    kept.push(label);
  }
  return new Set(kept.map((label) => label.id));
}

/** Pairs of boxes that overlap (for tests and the curious): none after declutter. */
export function overlappingPairs(boxes: readonly (Box & { id: string })[]): [string, string][] {
  const pairs: [string, string][] = [];
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) if (overlaps(boxes[i]!, boxes[j]!)) pairs.push([boxes[i]!.id, boxes[j]!.id]);
  }
  return pairs;
}
