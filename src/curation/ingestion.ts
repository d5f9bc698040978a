/**
 * Taking in a new document, and reviewing what it proposes. `ingestDocument` stores the
 * document as a source, links the mentions of known entities (with their spans) and
 * stores proposals (src/ingest/: new entities, and figures as facts) for review, in one
 * write; proposals are nodes joined to nothing, so no answer sees them. `acceptProposal`
 * writes what a proposal (as the curator edits it) says, through the same entity and
 * fact writes as upsertEntity and assertFact, citing the document and its passage;
 * `rejectProposal` records why not. Each is one transaction, audited and idempotent like
 * every curated write (writes.ts).
 */
import type { Nature } from '../../seed/vocabulary.js';
import { decideProposal, knownEntities, type Props, proposal as storedProposal, storeDocument } from '../db/curation.js';
import { kindOfId } from '../domain/rules.js';
import { MAX_LENGTH } from '../domain/schema.js';
import { AppError, ErrorCode } from '../errors.js';
import type { FoundChange } from '../ingest/figures.js';
import { changeText, factIdOf, type FactProposal, type Proposal, proposalsOf, slugOf } from '../ingest/proposals.js';
import {
  assertFactIn,
  checkedFact,
  checkedSource,
  type FactInput,
  invalid,
  runWrite,
  upsertEntityIn,
  upsertSourceIn,
  type WriteOptions,
  type WriteResult,
} from './writes.js';

/** A mention as the API gives it: the entity's id, as written, and where. */
export interface MentionRow {
  entityId: string;
  text: string;
  start: number;
  end: number;
}

/** A taken-in document as the API gives it. */
export interface DocumentRow {
  sourceId: string;
  text: string;
  receivedAt: string;
  receivedBy: string;
  mentions: MentionRow[];
}

/** The longest document taken in, in characters: a long news article is 20,000, and the request body (MAX_REQUEST_BYTES, 64 KiB) must hold it. */
export const MAX_DOCUMENT = 50_000;

export interface DocumentInput {
  /** The source id to store it under; by default made from publisher, date and title. */
  id?: string | null;
  publisher: string;
  title: string;
  date?: string | null;
  dateNote?: string | null;
  url?: string | null;
  kind?: string | null;
  text: string;
}

/** A source id from what is known of the document: "smm-2026-02-10-shanxi-producers-step-up". */
function sourceIdOf(input: DocumentInput): string {
  const title = slugOf(input.title).split('-').slice(0, 6).join('-');
  return [slugOf(input.publisher).split('-').slice(0, 3).join('-'), input.date ?? 'undated', title].filter(Boolean).join('-');
}

const proposalProps = (p: Proposal, sourceId: string, at: string): Props => {
  const { id, kind, passage, start, end, ...rest } = p;
  return {
    id,
    kind,
    sourceId,
    status: 'PENDING',
    createdAt: at,
    passage: passage.text,
    passageStart: passage.start,
    passageEnd: passage.end,
    start,
    end,
    // What accepting it as it stands would write (suggested ids, kinds, ends, figure …).
    payload: JSON.stringify(rest),
  };
};

/**
 * The extractor, loaded on first use: it brings compromise and its models (about 45 MiB
 * of the process's memory), which only a process that takes documents in needs; the
 * read path never touches them.
 */
const extractor = async () => (await import('../ingest/extract.js')).extract;

export async function ingestDocument(db: Parameters<typeof runWrite>[0], input: DocumentInput, options: WriteOptions): Promise<WriteResult> {
  const text = input.text ?? '';
  if (text.trim().length === 0) throw invalid(['input.text: the document is empty']);
  if (text.length > MAX_DOCUMENT) throw invalid([`input.text: must be at most ${MAX_DOCUMENT.toLocaleString('en-GB')} characters, got ${text.length.toLocaleString('en-GB')}`]);
  const source = checkedSource({
    id: input.id ?? sourceIdOf(input),
    publisher: input.publisher,
    title: input.title,
    date: input.date ?? null,
    dateNote: input.date ? null : (input.dateNote ?? 'Taken in without a publication date.'),
    kind: input.kind ?? 'MARKET_SURVEY',
    url: input.url ?? null,
  });
  // Loaded before the write starts, so its first load never holds the write open.
  const extract = await extractor();
  return runWrite(db, 'ingestDocument', input, options, async (w) => {
    const outcome = await upsertSourceIn(w, source);
    const known = await knownEntities(w.tx);
    const extraction = extract(text, known, source.date ?? undefined);
    const proposals = proposalsOf(source.id, extraction).map((p) => proposalProps(p, source.id, w.at));
    const mentions = extraction.mentions.map((m): Props => ({ entityId: m.entityId, text: m.text, start: m.start, end: m.end }));
    await storeDocument(
      w.tx,
      {
        sourceId: source.id,
        text,
        receivedAt: w.at,
        receivedBy: w.actor,
        mentionIds: mentions.map((m) => m.entityId as string),
        mentionStarts: mentions.map((m) => m.start as number),
        mentionEnds: mentions.map((m) => m.end as number),
        mentionTexts: mentions.map((m) => m.text as string),
      },
      proposals,
    );
    w.record('INGEST', 'SOURCE', source.id, null, { sourceId: source.id, mentions: mentions.length, proposals: proposals.length });
    return { status: outcome.status, source: outcome.source, document: { sourceId: source.id, mentions, proposals } };
  });
}

/** What a curator may change in a proposal before accepting it (every field optional). */
export interface ProposalEdits {
  id?: string | null;
  name?: string | null;
  aliases?: string[] | null;
  description?: string | null;
  type?: string | null;
  from?: string | null;
  to?: string | null;
  item?: string | null;
  period?: string | null;
  nature?: Nature | null;
  claim?: string | null;
  note?: string | null;
  figure?: FactInput['figure'] | null;
}

async function pending(w: Parameters<Parameters<typeof runWrite>[4]>[0], id: string): Promise<Props> {
  const found = await storedProposal(w.tx, id);
  if (!found) throw new AppError(ErrorCode.NOT_FOUND, `No proposal has the id "${id}".`, { id });
  if (found.status !== 'PENDING') {
    throw new AppError(ErrorCode.CONFLICT, `Nothing was written: the proposal "${id}" was already ${String(found.status).toLowerCase()}.`, { id });
  }
  return found;
}

/** The passage a fact comes from, as its note: accepted facts cite the document and the passage. */
function passageNote(passage: string, note: string | null | undefined): string {
  const quoted = `From the passage: “${passage.trim()}”`;
  const text = note ? `${note} ${quoted}` : quoted;
  return text.length > MAX_LENGTH.note ? `${text.slice(0, MAX_LENGTH.note - 2)}…”` : text;
}

export async function acceptProposal(
  db: Parameters<typeof runWrite>[0],
  id: string,
  edits: ProposalEdits,
  options: WriteOptions,
): Promise<WriteResult> {
  return runWrite(db, 'acceptProposal', { id, edits }, options, async (w) => {
    const found = await pending(w, id);
    const draft = JSON.parse(String(found.payload)) as Omit<Proposal, 'id' | 'kind' | 'passage' | 'start' | 'end'>;
    let outcome;
    let resultId: string;
    if (found.kind === 'ENTITY') {
      const entity = draft as { name: string; suggestedId: string };
      resultId = edits.id ?? entity.suggestedId;
      const kind = kindOfId(resultId);
      if (!kind) throw invalid([`edits.id: must look like "<kind>:<kebab-slug>", got "${resultId}"`]);
      if (!edits.description) throw invalid(['edits.description: say in your own words what it is (one or two sentences)']);
      outcome = await upsertEntityIn(w, { id: resultId, name: edits.name ?? entity.name, aliases: edits.aliases ?? [], description: edits.description }, kind);
    } else {
      const fact = draft as Omit<FactProposal, 'id' | 'kind' | 'passage' | 'start' | 'end'>;
      const problems: string[] = [];
      let from = edits.from ?? (fact.from && 'entityId' in fact.from ? fact.from.entityId : null);
      if (!from && fact.from && 'newName' in fact.from) {
        problems.push(`edits.from: the subject “${fact.from.newName}” is new: accept its entity proposal first and give its id here`);
      }
      const to = edits.to ?? fact.to?.entityId ?? null;
      if (!from && problems.length === 0) problems.push('edits.from: the proposal names no subject: give the id of the entity the figure is about');
      if (!to) problems.push('edits.to: the proposal names no good: give the id of what the figure concerns');
      if (!edits.claim) problems.push('edits.claim: say what the passage states, in your own words');
      const period = edits.period ?? fact.period;
      if (!period) problems.push('edits.period: the passage gives no period: say when the figure holds');
      // A change with no figure: the fact model holds a change only with the quantity it qualifies.
      const proposed = fact.figure;
      const changes = [proposed.change, ...(proposed.otherChanges ?? [])].filter((c): c is FoundChange => !!c);
      if (proposed.value === null && !edits.figure) {
        problems.push(
          `edits.figure: the passage gives a change (${changes.map(changeText).join(', ')}) and no figure; a fact holds a change only with the quantity it qualifies: give the figure (value and unit), or reject the proposal`,
        );
      }
      if (problems.length > 0) throw invalid(problems);
      from = from!;
      // The curator's figure keeps the proposed change unless it gives one (null drops it).
      const figure: NonNullable<FactInput['figure']> = edits.figure
        ? { ...edits.figure, change: edits.figure.change === undefined ? proposed.change : edits.figure.change }
        : { value: proposed.value!, unit: proposed.unit!, approximate: proposed.approximate, bound: proposed.bound, change: proposed.change };
      // A fact holds one change: the others the passage gives go into its note.
      const written = figure.change;
      const others = changes.filter((c) => !written || c.value !== written.value || c.basis !== written.basis || written.unit !== c.unit);
      const alsoGiven = others.length ? `The passage also gives ${others.map(changeText).join(', ')} (a fact holds one change).` : null;
      const type = (edits.type ?? fact.factType) as FactInput['type'];
      // Edited ends or type make another fact: its id follows them, unless the curator gives one.
      const edited = !!(edits.type || edits.from || edits.to || edits.item || edits.period);
      const input: FactInput = {
        id: edits.id ?? (edited ? factIdOf(from, type, edits.item ?? to, period) : fact.suggestedId),
        type,
        from,
        to: to!,
        item: edits.item ?? null,
        period: period!,
        nature: edits.nature ?? fact.nature,
        claim: edits.claim!,
        source: String(found.sourceId),
        figure,
        note: passageNote(String(found.passage), [edits.note, alsoGiven].filter(Boolean).join(' ') || null),
      } as FactInput;
      outcome = await assertFactIn(w, input, checkedFact(input));
      resultId = input.id;
    }
    const decided = await decideProposal(w.tx, { id, status: 'ACCEPTED', decidedAt: w.at, decidedBy: w.actor, note: null, resultId });
    w.record('ACCEPT', 'PROPOSAL', id, found, decided ?? null);
    return { ...outcome, proposal: decided ?? null };
  });
}

export async function rejectProposal(db: Parameters<typeof runWrite>[0], id: string, reason: string, options: WriteOptions): Promise<WriteResult> {
  const why = reason.trim();
  if (why.length === 0) throw invalid(['reason: say why the proposal is rejected']);
  if (why.length > MAX_LENGTH.note) throw invalid([`reason: must be at most ${MAX_LENGTH.note} characters`]);
  return runWrite(db, 'rejectProposal', { id, reason: why }, options, async (w) => {
    const found = await pending(w, id);
    const decided = await decideProposal(w.tx, { id, status: 'REJECTED', decidedAt: w.at, decidedBy: w.actor, note: why, resultId: null });
    w.record('REJECT', 'PROPOSAL', id, found, decided ?? null);
    return { status: 'REJECTED', proposal: decided ?? null };
  });
}
