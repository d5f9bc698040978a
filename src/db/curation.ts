/**
 * The data layer of curated writes (src/curation/): the reads a write validates
 * against and the writes it makes, each a query from cypher/curation/ or the loader's
 * own merges (cypher/seed/merge-*.cypher), run inside the write's one transaction (`Tx`).
 * This module and the loader are the only writers; every other query the API runs reads.
 */
import type { RelationshipType } from '../../seed/vocabulary.js';
import { escapeLucene, factRefQuery } from './catalog.js';
import { int, type Plain } from './convert.js';
import { cypher } from './cypher.js';
import type { Database, Tx } from './database.js';

export type Props = Record<string, Plain>;

/** A live fact as stored: its type, ends and every property. */
export interface StoredFact {
  type: RelationshipType;
  from: string;
  to: string;
  props: Props;
}

const Q = {
  begin: cypher('curation/begin'),
  idempotencyGet: cypher('curation/idempotency-get'),
  idempotencyPut: cypher('curation/idempotency-put'),
  entities: cypher('curation/entities'),
  sources: cypher('curation/sources'),
  nameOwners: cypher('curation/name-owners'),
  fact: cypher('curation/fact'),
  factsNaming: cypher('curation/facts-naming'),
  goods: cypher('curation/goods'),
  setClosure: cypher('curation/set-closure'),
  setEntitySources: cypher('curation/set-entity-sources'),
  retractFact: cypher('curation/retract-fact'),
  retracted: cypher('curation/retracted'),
  deleteFact: cypher('curation/delete-fact'),
  mergeAway: cypher('curation/merge-away'),
  recordChanges: cypher('curation/record-changes'),
  history: cypher('curation/history'),
  redirects: cypher('curation/redirects'),
  knownEntities: cypher('curation/known-entities'),
  storeDocument: cypher('curation/store-document'),
  proposals: cypher('curation/proposals'),
  proposal: cypher('curation/proposal'),
  decideProposal: cypher('curation/decide-proposal'),
  document: cypher('curation/document'),
  mergeSources: cypher('seed/merge-sources'),
  mergeEntities: cypher('seed/merge-entities'),
  mergeFacts: cypher('seed/merge-facts'),
};

/** Takes the graph's write lock and moves its write version on; returns the new version. */
export async function beginWrite(tx: Tx, at: string): Promise<number> {
  const [row] = await tx.run(Q.begin, { at });
  return Number(row?.writeVersion ?? 0);
}

export async function storedIdempotencyKey(tx: Tx, id: string): Promise<{ requestHash: string; response: string } | undefined> {
  const [row] = await tx.run(Q.idempotencyGet, { id });
  return row ? { requestHash: String(row.requestHash), response: String(row.response) } : undefined;
}

export async function storeIdempotencyKey(
  tx: Tx,
  key: { id: string; actor: string; requestHash: string; response: string; at: string },
): Promise<void> {
  await tx.run(Q.idempotencyPut, key);
}

/** Entities by exact id: their stored properties, and where a merged id now points. */
export async function storedEntities(tx: Tx, ids: readonly string[]): Promise<Map<string, { props: Props | null; redirect: string | null }>> {
  const rows = await tx.run(Q.entities, { ids: [...new Set(ids)] });
  return new Map(rows.map((r) => [String(r.id), { props: (r.entity as Props | null) ?? null, redirect: r.redirect === null ? null : String(r.redirect) }]));
}

/** Sources by exact id: their stored properties, or null. */
export async function storedSources(tx: Tx, ids: readonly string[]): Promise<Map<string, Props | null>> {
  const rows = await tx.run(Q.sources, { ids: [...new Set(ids)] });
  return new Map(rows.map((r) => [String(r.id), (r.source as Props | null) ?? null]));
}

/** The entities already found by any of these name keys, with the keys each owns. */
export async function nameOwners(tx: Tx, keys: readonly string[]): Promise<{ id: string; name: string; keys: string[] }[]> {
  if (keys.length === 0) return [];
  const phrase = keys.map((k) => `"${escapeLucene(k)}"`).join(' OR ');
  const rows = await tx.run(Q.nameOwners, { phrase, keys });
  return rows.map((r) => ({ id: String(r.id), name: String(r.name), keys: (r.keys as string[]).map(String) }));
}

const toStoredFact = (row: Record<string, Plain>): StoredFact => ({
  type: String(row.type) as RelationshipType,
  from: String(row.from),
  to: String(row.to),
  props: row.props as Props,
});

/** The live fact with this id, if any. */
export async function storedFact(tx: Tx, id: string): Promise<StoredFact | undefined> {
  const [row] = await tx.run(Q.fact, { id, query: factRefQuery('id', id) });
  return row ? toStoredFact(row) : undefined;
}

/** Every live fact naming the entity: as an end, item, measuring body or in its scope. */
export async function factsNaming(tx: Tx, id: string): Promise<StoredFact[]> {
  return (await tx.run(Q.factsNaming, { id })).map(toStoredFact);
}

export interface GoodsState {
  goods: { id: string; kind: string; broader: string[]; narrower: string[] }[];
  clauses: { id: string; type: RelationshipType; items: string[]; covered: string[] }[];
}

export async function goodsState(tx: Tx): Promise<GoodsState> {
  const [row] = await tx.run(Q.goods);
  return { goods: (row?.goods ?? []) as unknown as GoodsState['goods'], clauses: (row?.clauses ?? []) as unknown as GoodsState['clauses'] };
}

export async function setClosure(
  tx: Tx,
  goods: { id: string; narrower: string[] }[],
  clauses: { id: string; type: RelationshipType; covered: string[] }[],
): Promise<void> {
  if (goods.length > 0 || clauses.length > 0) await tx.run(Q.setClosure, { goods, clauses });
}

export async function setEntitySources(tx: Tx, rows: { id: string; sourceIds: string[] }[]): Promise<void> {
  if (rows.length > 0) await tx.run(Q.setEntitySources, { rows });
}

/**
 * The loader's merge of sources, entities and facts (cypher/seed/), for one item. A
 * curator's write is the curation, so it never keeps the curated item it replaces.
 */
const CURATOR_WRITE = { ignored: [], keepCurated: false };
export async function writeSource(tx: Tx, row: { id: string; hash: string; props: Props }): Promise<void> {
  await tx.run(Q.mergeSources, { rows: [{ ...row, compare: {} }], ...CURATOR_WRITE });
}

export async function writeEntity(tx: Tx, row: { id: string; kind: string; hash: string; props: Props }): Promise<void> {
  await tx.run(Q.mergeEntities, { rows: [{ ...row, compare: {} }], ...CURATOR_WRITE });
}

export async function writeFact(tx: Tx, row: { id: string; type: string; from: string; to: string; hash: string; props: Props }): Promise<void> {
  await tx.run(Q.mergeFacts, { rows: [{ ...row, compare: {} }], ...CURATOR_WRITE });
}

export async function deleteFact(tx: Tx, fact: { type: RelationshipType; id: string; from: string; to: string }): Promise<void> {
  await tx.run(Q.deleteFact, fact);
}

/** Moves the fact into a RetractedFact node; returns that node's properties. */
export async function retractFact(
  tx: Tx,
  args: { type: RelationshipType; id: string; retractionId: string; at: string; actor: string; reason: string },
): Promise<Props> {
  const [row] = await tx.run(Q.retractFact, args);
  return row!.retracted as Props;
}

/** Redirects the merged id (and ids merged into it) to the survivor and deletes its node. */
export async function mergeAway(tx: Tx, merged: string, survivor: string): Promise<void> {
  await tx.run(Q.mergeAway, { merged, survivor });
}

export interface ChangeProps {
  id: string;
  seq: number;
  writeVersion: number;
  at: string;
  actor: string;
  action: string;
  targetKind: string;
  targetId: string;
  before: string | null;
  after: string | null;
  fields: string[];
}

export async function recordChanges(tx: Tx, changes: readonly ChangeProps[]): Promise<void> {
  if (changes.length > 0) await tx.run(Q.recordChanges, { changes });
}

/** The audit entries of these ids, newest first. */
export async function changesOf(db: Database, ids: readonly string[], limit: number): Promise<Props[]> {
  return (await db.run(Q.history, { ids, limit: int(limit) })).map((r) => r.change as Props);
}

/**
 * What an id names now (the survivor's id for an entity id merged away, else the id
 * itself) and the ids merged into it, in one round trip.
 */
export async function mergedInto(db: Database, id: string): Promise<{ id: string; merged: string[] }> {
  const [row] = await db.run(Q.redirects, { id });
  return { id: String(row?.id ?? id), merged: ((row?.merged as string[] | undefined) ?? []).map(String) };
}

/** Retracted facts, newest retraction first; only those of one fact id when given. */
export async function retractedFacts(db: Database, id: string | null, limit: number): Promise<Props[]> {
  return (await db.run(Q.retracted, { id, limit: int(limit) })).map((r) => r.retracted as Props);
}

// ---------------------------------------------------------------------------- documents and proposals

/** Every entity's names, for linking a new document's mentions. */
export async function knownEntities(tx: Tx): Promise<{ id: string; kind: string; name: string; aliases: string[] }[]> {
  return (await tx.run(Q.knownEntities, {})).map((row) => ({
    id: String(row.id),
    kind: String(row.kind),
    name: String(row.name),
    aliases: (row.aliases as string[]).map(String),
  }));
}

export async function storeDocument(tx: Tx, document: Props, proposals: Props[]): Promise<void> {
  await tx.run(Q.storeDocument, { document, proposals });
}

export async function proposals(db: Database, status: string | null, sourceId: string | null, limit: number): Promise<Props[]> {
  return (await db.run(Q.proposals, { status, sourceId, limit: int(limit) })).map((row) => row.proposal as Props);
}

export async function proposal(tx: Tx, id: string): Promise<Props | undefined> {
  const [row] = await tx.run(Q.proposal, { id });
  return row ? (row.proposal as Props) : undefined;
}

export async function decideProposal(
  tx: Tx,
  decision: { id: string; status: 'ACCEPTED' | 'REJECTED'; decidedAt: string; decidedBy: string; note: string | null; resultId: string | null },
): Promise<Props | undefined> {
  const [row] = await tx.run(Q.decideProposal, decision);
  return row ? (row.proposal as Props) : undefined;
}

export async function storedDocument(db: Database, sourceId: string): Promise<Props | undefined> {
  const [row] = await db.run(Q.document, { sourceId });
  return row ? (row.document as Props) : undefined;
}
