/** What a decision did, or (in a dry run) would do: its status, what it wrote, and each change. */
import { h } from '../dom.js';
import type { DecisionFragment } from '../generated/graphql.js';

/** The entity or fact an acceptance writes; null for a rejection. */
export function writtenId(decision: DecisionFragment): string | null {
  return decision.entity?.id ?? decision.relationship?.id ?? decision.proposal?.resultId ?? null;
}

export function decisionSummary(decision: DecisionFragment): string {
  const id = writtenId(decision);
  if (decision.dryRun) {
    return `Dry run, nothing was written. Accepting would write ${id ?? 'nothing'} (${decision.status}), with ${decision.changes.length} change${decision.changes.length === 1 ? '' : 's'}:`;
  }
  if (decision.status === 'REJECTED') return `Rejected ${decision.proposal?.id ?? ''}.`.replace(' .', '.');
  return `Accepted ${decision.proposal?.id ?? ''}: ${decision.status} ${id ?? ''}.`;
}

export function changesList(changes: DecisionFragment['changes']): HTMLElement {
  return h(
    'ul',
    { class: 'changes' },
    changes.map((change) =>
      h(
        'li',
        { 'data-target': change.targetId },
        `${change.action} ${change.targetKind} `,
        h('code', {}, change.targetId),
        change.fields.length ? h('span', { class: 'muted' }, ` (${change.fields.join(', ')})`) : null,
      ),
    ),
  );
}

/** A line of the page's log of decisions taken. */
export function decisionLine(decision: DecisionFragment): HTMLLIElement {
  const id = writtenId(decision);
  const proposal = decision.proposal;
  return h(
    'li',
    { 'data-id': proposal?.id, 'data-status': proposal?.status, 'data-result': id ?? undefined },
    h('strong', {}, proposal?.status === 'REJECTED' ? 'Rejected' : 'Accepted'),
    ' ',
    h('code', {}, proposal?.id ?? '?'),
    proposal?.status === 'REJECTED'
      ? ` (${proposal.note ?? ''})`
      : [`: ${decision.status} `, h('code', {}, id ?? '?'), decision.replayed ? ' (answered again: it was already done)' : ''],
  );
}
