/**
 * The review page (web/review.html): a curator pastes a token, reads the proposals queue
 * grouped by document, and accepts (edited, after a dry-run preview if they like) or
 * rejects each proposal. State and wiring live here; the token in token.ts, requests in
 * client.ts, cards in card.ts, forms in forms.ts, results in decision.ts.
 */
import '../styles.css';
import './review.css';
import { onBusyChange } from '../api.js';
import { byId, h } from '../dom.js';
import {
  AcceptProposalDocument,
  type DecisionFragment,
  DocumentTextDocument,
  type ProposalCardFragment,
  ProposalQueueDocument,
  type ProposalStatus,
  RejectProposalDocument,
} from '../generated/graphql.js';
import { Attempts } from './attempts.js';
import { proposalCard } from './card.js';
import { asCurator, authProblem } from './client.js';
import { decisionLine, decisionSummary } from './decision.js';
import { documentText } from './document.js';
import { acceptForm, type Decide, rejectForm } from './forms.js';
import { byDocument } from './group.js';
import { forgetToken, readToken, saveToken } from './token.js';

/** The most proposals one load lists (the API's maximum). */
const QUEUE_SIZE = 200;

const tokenForm = byId<HTMLFormElement>('token-form');
const tokenInput = byId<HTMLInputElement>('token');
const statusFilter = byId<HTMLSelectElement>('status-filter');
const message = byId('message');
const authError = byId('auth-error');
const queue = byId('queue');
const decisions = byId('decisions');

const attempts = new Attempts();
let proposals: ProposalCardFragment[] = [];
/** Only the latest load may draw the queue. */
let loads = 0;
let cards = 0;

function say(text: string, kind: 'info' | 'error' = 'info'): void {
  message.textContent = text;
  message.dataset.kind = kind;
}

function wanted(): ProposalStatus | null {
  return statusFilter.value === 'ALL' ? null : (statusFilter.value as ProposalStatus);
}

function showAuthError(problem: 'UNAUTHENTICATED' | 'FORBIDDEN', text: string): void {
  authError.replaceChildren(
    h('strong', {}, problem === 'UNAUTHENTICATED' ? 'The service did not accept this token' : 'This token may not review proposals'),
    ` (${problem}): `,
    h('span', { 'data-role': 'server-message' }, text),
  );
  authError.hidden = false;
}

function clearQueue(): void {
  proposals = [];
  queue.replaceChildren();
}

/** Without a token the service accepts, nothing of the queue stays on the page, not even the decisions taken. */
function clearDecisions(): void {
  decisions.hidden = true;
  decisions.querySelector('ul')!.replaceChildren();
}

const decide: Decide = async (proposal, request, dryRun) => {
  const token = readToken();
  if (!token) throw new Error('Paste a curator token above first.');
  // Nothing is written by a dry run, so it needs no key; a decision keeps its key while it is retried as it was.
  const idempotencyKey = dryRun ? undefined : attempts.keyFor(proposal.id, request);
  if (request.action === 'accept') {
    const data = await asCurator(AcceptProposalDocument, { id: proposal.id, edits: request.edits, dryRun, idempotencyKey }, token);
    return data.acceptProposal;
  }
  const data = await asCurator(RejectProposalDocument, { id: proposal.id, reason: request.reason, dryRun, idempotencyKey }, token);
  return data.rejectProposal;
};

function card(proposal: ProposalCardFragment): HTMLLIElement {
  const base = `p${++cards}`;
  if (proposal.status !== 'PENDING') return proposalCard(proposal, `${base}-title`);
  return proposalCard(
    proposal,
    `${base}-title`,
    h('details', { class: 'decide accept' }, h('summary', {}, 'Accept…'), acceptForm(proposal, base, decide, decided)),
    h('details', { class: 'decide reject' }, h('summary', {}, 'Reject…'), rejectForm(proposal, base, decide, decided)),
  );
}

/** A decision taken: the proposal leaves the list (or shows its new status), and the log says what it wrote. */
function decided(decision: DecisionFragment): void {
  const updated = decision.proposal;
  if (!updated) return;
  proposals = proposals.map((p) => (p.id === updated.id ? updated : p));
  const shown = [...queue.querySelectorAll<HTMLLIElement>('li.proposal')].find((li) => li.dataset.id === updated.id);
  if (shown) {
    const list = shown.parentElement!;
    const status = wanted();
    if (status === null || status === updated.status) shown.replaceWith(card(updated));
    else shown.remove();
    if (list.children.length === 0) list.replaceWith(h('p', { class: 'muted empty' }, 'Nothing left to show from this document.'));
  }
  decisions.hidden = false;
  decisions.querySelector('ul')!.prepend(decisionLine(decision));
  say(decisionSummary(decision));
}

function render(): void {
  const groups = byDocument(proposals);
  const status = wanted();
  const what = status ? `${status.toLowerCase()} proposal` : 'proposal';
  say(
    proposals.length === 0
      ? `No ${what}s.`
      : `${proposals.length} ${what}${proposals.length === 1 ? '' : 's'} from ${groups.length} document${groups.length === 1 ? '' : 's'}.`,
  );
  queue.replaceChildren(
    ...groups.map((group, i) => {
      const source = group.source;
      const headingId = `doc-${i + 1}-title`;
      return h(
        'section',
        { class: 'source', 'data-source': source.id, 'aria-labelledby': headingId },
        h('h2', { id: headingId }, source.title),
        h(
          'p',
          { class: 'byline' },
          h('span', { class: 'publisher' }, source.publisher),
          ' · ',
          source.date ? h('time', { datetime: source.date }, source.date) : h('span', { class: 'undated' }, source.dateNote ?? 'undated'),
          ' · ',
          h('code', {}, source.id),
          source.url ? [' · ', h('a', { href: source.url, rel: 'noopener noreferrer' }, 'original')] : null,
        ),
        documentText(async () => (await asCurator(DocumentTextDocument, { sourceId: source.id }, readToken() ?? '')).document),
        h('ol', { class: 'proposals' }, group.proposals.map(card)),
      );
    }),
  );
}

async function load(): Promise<void> {
  const ticket = ++loads;
  const token = readToken();
  authError.hidden = true;
  if (!token) {
    clearQueue();
    say('Paste a curator token (an API key or a JWT with the curator role) to see the queue.');
    return;
  }
  say('Loading the queue…');
  try {
    const data = await asCurator(ProposalQueueDocument, { status: wanted(), first: QUEUE_SIZE }, token);
    if (ticket !== loads) return;
    proposals = data.proposals;
    render();
  } catch (error) {
    if (ticket !== loads) return;
    clearQueue();
    const problem = authProblem(error);
    if (problem) {
      // A token the service refuses is not kept.
      forgetToken();
      clearDecisions();
      showAuthError(problem, (error as Error).message);
      say('');
    } else say((error as Error).message, 'error');
  }
}

tokenForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const token = tokenInput.value.trim();
  if (token) saveToken(token);
  else forgetToken();
  void load();
});
byId('forget-token').addEventListener('click', () => {
  forgetToken();
  tokenInput.value = '';
  clearDecisions();
  void load();
});
statusFilter.addEventListener('change', () => void load());
byId('reload').addEventListener('click', () => void load());

onBusyChange((busy) => {
  document.body.dataset.busy = String(busy);
});
document.body.dataset.busy = 'false';
tokenInput.value = readToken() ?? '';
void load();
