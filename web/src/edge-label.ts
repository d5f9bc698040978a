/**
 * What an edge says on the canvas: its type in words, and for facts with a figure or a
 * period, the quantity and the period ("exports\n5,060 t · 2025-12"); an edge standing
 * for several facts gives their count and the span of their periods.
 */
import type { Nature } from './generated/graphql.js';
import { NATURE_LABELS } from './view-options.js';

/** "SUPPLIES" → "supplies": relationship types in words. */
export function typeLabel(type: string): string {
  return type.toLowerCase().replace(/_/g, ' ');
}

export interface FactLabelParts {
  type: string;
  figure?: { value: number; unit: string; approximate: boolean; bound?: string | null } | null;
  evidence?: { nature: Nature; period: { text: string; start: string; end?: string | null } } | null;
}

/** 1026000 → "1,026,000", 0.875 → "0.875": a figure in full, as the panels write it. */
export const fullNumber = (value: number): string => value.toLocaleString('en-GB', { maximumFractionDigits: 3 });

/** 5060 → "5,060", 0.875 → "0.875", 1026000 → "1.03 M". */
export function shortNumber(value: number): string {
  if (Math.abs(value) >= 1_000_000) return `${(value / 1_000_000).toLocaleString('en-GB', { maximumFractionDigits: 2 })} M`;
  return fullNumber(value);
}

function figureText(figure: NonNullable<FactLabelParts['figure']>): string {
  const bound = figure.bound === 'AT_LEAST' ? '≥ ' : figure.bound === 'AT_MOST' ? '≤ ' : figure.approximate ? '≈ ' : '';
  return `${bound}${shortNumber(figure.value)} ${figure.unit}`;
}

/** The second line: figure and period, and the nature when the fact is not reported. */
function details(fact: FactLabelParts): string {
  const parts: string[] = [];
  if (fact.figure) parts.push(figureText(fact.figure));
  if (fact.evidence) {
    parts.push(fact.evidence.period.text.replace('/..', ' on'));
    if (fact.evidence.nature !== 'REPORTED') parts.push(NATURE_LABELS[fact.evidence.nature]);
  }
  return parts.join(' · ');
}

/** The label of an edge drawn for one fact, or for several facts of one type between the same two entities. */
export function edgeLabel(facts: readonly FactLabelParts[]): string {
  const first = facts[0];
  if (!first) return '';
  if (facts.length === 1) {
    const second = details(first);
    return second ? `${typeLabel(first.type)}\n${second}` : typeLabel(first.type);
  }
  const periods = facts.flatMap((f) => (f.evidence ? [f.evidence.period] : []));
  const starts = periods.map((p) => p.start).sort();
  const ends = periods.map((p) => p.end ?? '9999-12-31').sort();
  const firstPeriod = periods.find((p) => p.start === starts[0]);
  const lastPeriod = [...periods].reverse().find((p) => (p.end ?? '9999-12-31') === ends[ends.length - 1]);
  const span =
    firstPeriod && lastPeriod
      ? firstPeriod.text === lastPeriod.text
        ? firstPeriod.text
        : `${firstPeriod.text.split('/')[0]} – ${lastPeriod.text.replace('/..', ' on').split('/').pop()}`
      : '';
  return `${typeLabel(first.type)} ×${facts.length}${span ? `\n${span}` : ''}`;
}
