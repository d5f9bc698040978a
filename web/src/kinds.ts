/**
 * How each kind of entity looks: one colour and one shape per kind, used by the graph
 * and by the legend, so the two always agree.
 */
import type { EntityKind } from './generated/graphql.js';

export interface KindStyle {
  label: string;
  color: string;
  /** A cytoscape.js node shape. */
  shape: 'ellipse' | 'hexagon' | 'octagon' | 'diamond' | 'triangle' | 'tag' | 'barrel' | 'round-rectangle' | 'star' | 'pentagon';
  /** The same shape as a CSS clip-path, for the legend. */
  clip: string;
}

const CIRCLE = 'circle(50%)';
const polygon = (points: string) => `polygon(${points})`;

export const KIND_STYLES: Record<EntityKind, KindStyle> = {
  COMPANY: { label: 'Company', color: '#2563eb', shape: 'ellipse', clip: CIRCLE },
  COUNTRY: { label: 'Country', color: '#16a34a', shape: 'hexagon', clip: polygon('25% 0, 75% 0, 100% 50%, 75% 100%, 25% 100%, 0 50%') },
  REGION: { label: 'Region', color: '#65a30d', shape: 'octagon', clip: polygon('30% 0, 70% 0, 100% 30%, 100% 70%, 70% 100%, 30% 100%, 0 70%, 0 30%') },
  PROJECT: { label: 'Project', color: '#d97706', shape: 'diamond', clip: polygon('50% 0, 100% 50%, 50% 100%, 0 50%') },
  TECHNOLOGY: { label: 'Technology', color: '#7c3aed', shape: 'triangle', clip: polygon('50% 0, 100% 100%, 0 100%') },
  POLICY: { label: 'Policy', color: '#dc2626', shape: 'tag', clip: polygon('0 0, 75% 0, 100% 50%, 75% 100%, 0 100%') },
  COMMODITY: { label: 'Commodity', color: '#0891b2', shape: 'barrel', clip: 'inset(0 round 30%)' },
  PRODUCT: { label: 'Product', color: '#db2777', shape: 'round-rectangle', clip: 'inset(10% 0 round 20%)' },
  SECTOR: { label: 'Sector', color: '#4b5563', shape: 'pentagon', clip: polygon('50% 0, 100% 38%, 81% 100%, 19% 100%, 0 38%') },
  ORGANIZATION: { label: 'Organisation', color: '#92400e', shape: 'star', clip: polygon('50% 0, 61% 35%, 98% 35%, 68% 57%, 79% 91%, 50% 70%, 21% 91%, 32% 57%, 2% 35%, 39% 35%') },
};

export function kindStyle(kind: EntityKind): KindStyle {
  return KIND_STYLES[kind];
}
