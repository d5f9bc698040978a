/**
 * One proposal as the queue shows it: what kind it is, the passage with the proposed name
 * or figure marked, the id it suggests, and for a fact its type, ends, figure, period and
 * nature; once decided, who decided, when, and what it wrote or why not.
 */
import { h } from '../dom.js';
import { fullNumber, typeLabel } from '../edge-label.js';
import type { ProposalCardFragment } from '../generated/graphql.js';
import { KIND_STYLES } from '../kinds.js';
import { NATURE_LABELS } from '../view-options.js';
import { passageSegments, type Segment } from './passage.js';

type Proposal = ProposalCardFragment;

type ProposedChange = NonNullable<NonNullable<Proposal['figure']>['change']>;

/** "+6.8 percent YOY" */
const changeText = (change: ProposedChange) => `${change.value >= 0 ? '+' : '−'}${fullNumber(Math.abs(change.value))} ${change.unit} ${change.basis}`;

/**
 * "≈ 41,230 t, +6.8 percent YOY"; a change given without a figure reads "no figure,
 * +20 percent YOY"; the changes a fact cannot hold follow in brackets.
 */
export function figureText(figure: NonNullable<Proposal['figure']>): string {
  const bound = figure.bound === 'AT_LEAST' ? '≥ ' : figure.bound === 'AT_MOST' ? '≤ ' : '';
  const approximate = figure.approximate ? '≈ ' : '';
  const amount = figure.value === null ? 'no figure' : `${bound}${approximate}${fullNumber(figure.value)} ${figure.unit ?? ''}`.trimEnd();
  const change = figure.change ? `, ${changeText(figure.change)}` : '';
  const others = figure.otherChanges.length > 0 ? ` (also ${figure.otherChanges.map(changeText).join(', ')})` : '';
  return `${amount}${change}${others}`;
}

/** "Shanxi Yinguang … (new entity)", "China (country:china)", or none. */
function fromText(proposal: Proposal): string {
  if (proposal.from) return `${proposal.from.name} (${proposal.from.id})`;
  if (proposal.fromNewName) return `${proposal.fromNewName} (a new name: accept its entity proposal first)`;
  return 'none found';
}

export function headingText(proposal: Proposal): string {
  if (proposal.kind === 'ENTITY') {
    const kind = proposal.entityKind ? KIND_STYLES[proposal.entityKind].label.toLowerCase() : 'entity';
    return `New ${kind}: ${proposal.name ?? proposal.suggestedId}`;
  }
  const subject = proposal.from?.name ?? proposal.fromNewName ?? '?';
  const object = proposal.to ? ` ${proposal.to.name}` : '';
  return `Fact: ${subject} ${typeLabel(proposal.factType ?? 'fact')}${object}${proposal.figure ? `, ${figureText(proposal.figure)}` : ''}`;
}

export function segmentNodes(segments: readonly Segment[]): (Node | string)[] {
  return segments.map((segment) =>
    segment.mark ? h('mark', { title: segment.mark.title, 'data-entity': segment.mark.entityId }, segment.text) : segment.text,
  );
}

function row(label: string, field: string, value: Node | string): HTMLElement[] {
  return [h('dt', {}, label), h('dd', { 'data-field': field }, value)];
}

export function proposalFacts(proposal: Proposal): HTMLElement {
  const rows: HTMLElement[] = [...row('Suggested id', 'suggestedId', h('code', {}, proposal.suggestedId))];
  if (proposal.kind === 'ENTITY') {
    if (proposal.entityKind) rows.push(...row('Kind', 'entityKind', KIND_STYLES[proposal.entityKind].label));
  } else {
    rows.push(
      ...row('Type', 'type', proposal.factType ?? 'none'),
      ...row('From', 'from', fromText(proposal)),
      ...row('To', 'to', proposal.to ? `${proposal.to.name} (${proposal.to.id})` : 'none found'),
      ...row('Figure', 'figure', proposal.figure ? figureText(proposal.figure) : 'none'),
      ...row('Period', 'period', proposal.period ?? 'none found'),
      ...row('Nature', 'nature', proposal.nature ? `${proposal.nature} (${NATURE_LABELS[proposal.nature]})` : 'none'),
    );
  }
  if (proposal.reviewNote) rows.push(...row('For the reviewer', 'reviewNote', proposal.reviewNote));
  if (proposal.status !== 'PENDING') {
    rows.push(...row('Status', 'status', proposal.status));
    if (proposal.decidedBy) rows.push(...row('Decided', 'decided', `by ${proposal.decidedBy}${proposal.decidedAt ? ` at ${proposal.decidedAt}` : ''}`));
    if (proposal.resultId) rows.push(...row('Wrote', 'resultId', h('code', {}, proposal.resultId)));
    if (proposal.note) rows.push(...row('Reason', 'note', proposal.note));
  }
  return h('dl', {}, rows);
}

/** The card, without its forms (main.ts adds them to pending proposals). */
export function proposalCard(proposal: Proposal, headingId: string, ...extra: HTMLElement[]): HTMLLIElement {
  const kind = proposal.kind === 'ENTITY' ? 'name' : 'figure';
  return h(
    'li',
    { class: 'proposal', 'data-id': proposal.id, 'data-kind': proposal.kind, 'data-status': proposal.status },
    h(
      'article',
      { 'aria-labelledby': headingId },
      h('h3', { id: headingId }, headingText(proposal)),
      h('p', { class: 'muted meta' }, h('span', { class: 'badge' }, proposal.kind === 'ENTITY' ? 'Entity' : 'Fact'), ' ', h('code', {}, proposal.id), ` · ${proposal.status.toLowerCase()}`),
      h('blockquote', { class: 'passage', 'data-field': 'passage' }, segmentNodes(passageSegments(proposal, `the proposed ${kind}`))),
      proposalFacts(proposal),
      extra,
    ),
  );
}
