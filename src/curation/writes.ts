/**
 * Curated writes: add or update a source or an entity, assert, retract, merge. Each is
 * one write transaction that takes the graph's write lock first (so writes apply one
 * after another), checks an idempotency key, validates the whole request with the
 * seed's own rules (src/domain/rules.ts) against the graph as stored, writes through
 * the loader's merges with the loader's property mapping (src/domain/props.ts), records
 * one `Change` per item changed, and stores the key with its answer. Anything refused
 * throws before the commit, so nothing of it stays; a dry run and a replay roll back.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { EntityKind, RelationshipType } from '../../seed/vocabulary.js';
import {
  beginWrite,
  type ChangeProps,
  deleteFact,
  factsNaming,
  goodsState,
  mergeAway,
  nameOwners,
  type Props,
  recordChanges,
  retractFact as moveToRetracted,
  setClosure,
  setEntitySources,
  storedEntities,
  type StoredFact,
  storedFact,
  storedIdempotencyKey,
  storedSources,
  storeIdempotencyKey,
  writeEntity,
  writeFact,
  writeSource,
} from '../db/curation.js';
import { cypher } from '../db/cypher.js';
import type { Database, Tx } from '../db/database.js';
import { toEntityRow, toRelationshipRow, toSourceRow } from '../db/mappers.js';
import { nameKeys } from '../db/names.js';
import type { EntityRow, RelationshipRow, SourceRow } from '../db/rows.js';
import { entityProps, factProps, type Provenance, sourceProps } from '../domain/props.js';
import {
  checkEntity,
  checkFact,
  checkOwnNames,
  checkSource,
  checkTaxonomy,
  type EntityRecord,
  type SourceRecord,
  GOODS,
  type KnownEntity,
  kindOfId,
  namedIds,
  narrowerClosure,
  resolveScope,
  spellingKey,
  toFactRecord,
} from '../domain/rules.js';
import { EntitySchema, type FactRow, FactSchema, MAX_LENGTH, SourceSchema } from '../domain/schema.js';
import { AppError, ErrorCode } from '../errors.js';

export type WriteStatus = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'RETRACTED' | 'MERGED' | 'REJECTED';

export interface WriteOptions {
  /** The curator's name, stored as `curatedBy` and on every Change. */
  actor: string;
  dryRun?: boolean;
  idempotencyKey?: string | null;
}

/** What a write answers; stored with its idempotency key and answered again on a replay. */
export interface WriteResult {
  status: WriteStatus;
  source?: SourceRow | null;
  entity?: EntityRow | null;
  relationship?: RelationshipRow | null;
  retracted?: Props | null;
  /** A document taken in (src/curation/ingestion.ts): its source id, mentions and proposals. */
  document?: { sourceId: string; mentions: Props[]; proposals: Props[] } | null;
  /** A proposal decided (accepted or rejected). */
  proposal?: Props | null;
  changes: ChangeProps[];
  replayed: boolean;
  dryRun: boolean;
}

export type Outcome = Omit<WriteResult, 'changes' | 'replayed' | 'dryRun'>;

/** Thrown inside the transaction to roll it back while answering (dry runs, replays, no-ops). */
class Rollback extends Error {
  constructor(readonly result: WriteResult) {
    super('rolled back');
  }
}

export const MAX_IDEMPOTENCY_KEY = 200;

/** A refused write: every problem found, in the seed validator's words. */
export const invalid = (problems: readonly string[], code: ErrorCode = ErrorCode.BAD_USER_INPUT) =>
  new AppError(code, `Nothing was written: ${problems.join('; ')}`, { problems: [...problems] });

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** JSON with sorted keys, so equal values give equal text and hashes. */
const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );

/** Properties that say who wrote, not what: not part of a change's diff. */
const BOOKKEEPING = new Set(['curatedAt', 'curatedBy', 'seedHash']);

function changedFields(before: Props | null, after: Props | null): string[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  return [...keys].filter((k) => !BOOKKEEPING.has(k) && stable(before?.[k] ?? null) !== stable(after?.[k] ?? null)).sort();
}

export interface WriteScope {
  tx: Tx;
  at: string;
  actor: string;
  provenance(before: Props | null | undefined): Provenance;
  record(action: string, targetKind: 'SOURCE' | 'ENTITY' | 'FACT' | 'PROPOSAL', targetId: string, before: Props | null, after: Props | null): void;
}

/**
 * Runs one write: lock, idempotency, `work` (validate, then write), audit, key. The
 * driver may run `work` again on a transient error; it only touches the transaction.
 */
export async function runWrite(
  db: Database,
  operation: string,
  request: unknown,
  options: WriteOptions,
  work: (scope: WriteScope) => Promise<Outcome>,
): Promise<WriteResult> {
  const { actor } = options;
  const dryRun = options.dryRun ?? false;
  const key = options.idempotencyKey ?? null;
  if (key !== null && (key.length === 0 || key.length > MAX_IDEMPOTENCY_KEY)) {
    throw new AppError(ErrorCode.BAD_USER_INPUT, `idempotencyKey: must be 1 to ${MAX_IDEMPOTENCY_KEY} characters`, { argument: 'idempotencyKey' });
  }
  const requestHash = sha(stable({ operation, request }));
  const keyId = key === null ? null : sha(`${actor}\u0000${key}`);
  try {
    return await db.transaction('write', async (tx) => {
      const at = new Date().toISOString();
      const writeVersion = await beginWrite(tx, at);
      if (keyId !== null) {
        const stored = await storedIdempotencyKey(tx, keyId);
        if (stored) {
          if (stored.requestHash !== requestHash) {
            throw new AppError(
              ErrorCode.IDEMPOTENCY_KEY_REUSED,
              `idempotencyKey: "${key}" was already used for a different request; use a new key for a new write.`,
              { argument: 'idempotencyKey' },
            );
          }
          throw new Rollback({ ...(JSON.parse(stored.response) as WriteResult), replayed: true, dryRun });
        }
      }
      const changes: ChangeProps[] = [];
      const scope: WriteScope = {
        tx,
        at,
        actor,
        provenance: (before) => ({ seeded: before?.seeded === true, curatedAt: at, curatedBy: actor }),
        record(action, targetKind, targetId, before, after) {
          changes.push({
            id: randomUUID(),
            seq: changes.length,
            writeVersion,
            at,
            actor,
            action,
            targetKind,
            targetId,
            before: before === null ? null : stable(before),
            after: after === null ? null : stable(after),
            fields: changedFields(before, after),
          });
        },
      };
      const outcome = await work(scope);
      const result: WriteResult = { ...outcome, changes, replayed: false, dryRun };
      // A dry run writes nothing; neither does a write that changes nothing, unless its
      // key must be kept so that a retry answers the same.
      if (dryRun || (changes.length === 0 && keyId === null)) throw new Rollback(result);
      await recordChanges(tx, changes);
      if (keyId !== null) await storeIdempotencyKey(tx, { id: keyId, actor, requestHash, response: JSON.stringify(result), at });
      return result;
    });
  } catch (error) {
    if (error instanceof Rollback) return error.result;
    throw error;
  }
}

const zodProblems = (where: string, error: z.ZodError) =>
  error.issues.map((issue) => `${where}${issue.path.length > 0 ? `.${issue.path.join('.')}` : ''}: ${issue.message}`);

/** Drops null and undefined fields (GraphQL's absent arguments), so zod sees them as absent. */
const defined = <T extends Record<string, unknown>>(value: T): T =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as T;

// ---------------------------------------------------------------------------- sources

export interface SourceInput {
  id: string;
  publisher: string;
  title: string;
  titleAssigned?: boolean | null;
  date?: string | null;
  dateNote?: string | null;
  kind: string;
  url?: string | null;
  file?: string | null;
}

export async function upsertSource(db: Database, input: SourceInput, options: WriteOptions): Promise<WriteResult> {
  const source = checkedSource(input);
  return runWrite(db, 'upsertSource', input, options, (w) => upsertSourceIn(w, source));
}

/** A checked source written inside a write (upsertSource, and the ingestion of a document). */
export async function upsertSourceIn(w: WriteScope, source: SourceRecord): Promise<Outcome> {
  {
    const before = (await storedSources(w.tx, [source.id])).get(source.id) ?? null;
    const { props, hash } = sourceProps(source, w.provenance(before));
    if (before && before.seedHash === hash) return { status: 'UNCHANGED', source: toSourceRow(before) };
    await writeSource(w.tx, { id: source.id, hash, props: props as Props });
    const after = (await storedSources(w.tx, [source.id])).get(source.id)!;
    w.record(before ? 'UPDATE' : 'CREATE', 'SOURCE', source.id, before, after);
    return { status: before ? 'UPDATED' : 'CREATED', source: toSourceRow(after) };
  }
}

/** A source as a curator gives it, checked by the seed's rules (or refused with every problem). */
export function checkedSource(input: SourceInput): SourceRecord {
  const parsed = SourceSchema.safeParse({ ...defined({ ...input }), date: input.date ?? null });
  if (!parsed.success) throw invalid(zodProblems('input', parsed.error));
  const problems = checkSource(parsed.data, 'input');
  if (problems.length > 0) throw invalid(problems);
  return parsed.data;
}

// ---------------------------------------------------------------------------- entities

export interface EntityInput {
  id: string;
  name?: string | null;
  aliases?: string[] | null;
  removeAliases?: string[] | null;
  description?: string | null;
  iso2?: string | null;
  reference?: string | null;
  issuedOn?: string | null;
  effectiveFrom?: string | null;
  effectiveUntil?: string | null;
  broader?: string[] | null;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : []);
const optional = (value: unknown): string | undefined => (value === null || value === undefined ? undefined : String(value));

/** The record the loader would write for a stored entity (its row, kind and derived lists). */
function entityRecordOf(p: Props): EntityRecord {
  const { degree: _degree, narrower: _narrower, formerIds: _formerIds, ...row } = toEntityRow(p);
  return {
    ...(defined(row) as Omit<EntityRecord, 'broader'>),
    broader: strings(p.broader),
    ...(p.narrower !== undefined && p.narrower !== null ? { narrower: strings(p.narrower) } : {}),
    ...(p.formerIds !== undefined && p.formerIds !== null ? { formerIds: strings(p.formerIds) } : {}),
  };
}

/** Aliases with `added` joined (a spelling already there is not added twice) and `removed` taken out. */
function joinAliases(name: string, aliases: readonly string[], added: readonly string[], removed: readonly string[]): string[] {
  const gone = new Set(removed.map(spellingKey));
  const seen = new Set([spellingKey(name)]);
  const out: string[] = [];
  for (const alias of [...aliases, ...added]) {
    const key = spellingKey(alias.trim());
    if (gone.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push(alias.trim());
  }
  return out;
}

const readEntity = async (tx: Tx, id: string): Promise<EntityRow | null> => {
  const [row] = await tx.run(cypher('entities/by-ids'), { ids: [id] });
  return row ? toEntityRow(row.entity as Props) : null;
};

/** Refuses names and aliases another entity is already found by. */
async function checkNamesFree(tx: Tx, entity: { id: string; name: string; aliases: string[] }, others: readonly string[] = []): Promise<void> {
  const spellings: [string, string][] = [['name', entity.name], ...entity.aliases.map((a, i) => [`aliases[${i}]`, a] as [string, string])];
  const owners = (await nameOwners(tx, nameKeys(spellings.map(([, s]) => s)))).filter((o) => o.id !== entity.id && !others.includes(o.id));
  const problems: string[] = [];
  for (const [key, spelling] of spellings) {
    const keys = nameKeys([spelling]);
    for (const owner of owners.filter((o) => o.keys.some((k) => keys.includes(k)))) {
      problems.push(
        `input.${key}: "${spelling}" already finds "${owner.id}" (${owner.name}); names are compared without case, punctuation or suffixes such as Limited`,
      );
    }
  }
  if (problems.length > 0) throw invalid(problems, ErrorCode.CONFLICT);
}

interface Closure {
  /** Each good's narrower goods, after the change. */
  narrower: Map<string, string[]>;
  goods: { id: string; narrower: string[] }[];
  clauses: { id: string; type: RelationshipType; covered: string[] }[];
}

/**
 * The goods taxonomy with `changes` applied (an entity's broader list, or an entity gone),
 * checked (no cycle, broader goods exist and are goods), and what must be stored again.
 */
async function recomputeClosure(
  tx: Tx,
  changes: { set?: { id: string; kind: EntityKind; broader: string[] }; remove?: string },
): Promise<Closure> {
  const state = await goodsState(tx);
  const goods = new Map<string, KnownEntity & { id: string }>(
    state.goods.map((g) => [g.id, { id: g.id, kind: g.kind as EntityKind, broader: g.broader }]),
  );
  if (changes.remove) goods.delete(changes.remove);
  if (changes.set) goods.set(changes.set.id, { ...changes.set });
  // Broader ids that are not goods are looked up, so the message can say what they are.
  const missing = [...goods.values()].flatMap((g) => g.broader ?? []).filter((id) => !goods.has(id));
  const lookup = new Map(goods);
  for (const [id, found] of await storedEntities(tx, missing)) {
    if (found.props && id !== changes.remove) lookup.set(id, { id, kind: String(found.props.kind) as EntityKind, broader: [] });
  }
  const self = changes.set?.id;
  const problems = checkTaxonomy(
    new Map([...lookup].filter(([id]) => goods.has(id))),
    (id) => (id === self ? 'input' : `entity "${id}"`),
  ).filter((p) => self === undefined || p.startsWith('input'));
  // A broader id naming something that is not a good is reported by checkTaxonomy only when
  // the id is in the map: add the non-goods it found, for the message.
  if (self !== undefined) {
    for (const [index, id] of (changes.set!.broader ?? []).entries()) {
      const target = lookup.get(id);
      if (target && !GOODS.includes(target.kind)) problems.push(`input.broader[${index}]: "${id}" is a ${target.kind}, not a Commodity or Product`);
    }
  }
  if (problems.length > 0) throw invalid([...new Set(problems)]);
  const narrower = narrowerClosure(goods);
  const storedNarrower = new Map(state.goods.map((g) => [g.id, g.narrower]));
  const same = (a: readonly string[] | undefined, b: readonly string[] | undefined) => stable(a ?? []) === stable(b ?? []);
  return {
    narrower,
    goods: [...narrower].filter(([id, list]) => id !== self && !same(list, storedNarrower.get(id))).map(([id, list]) => ({ id, narrower: list })),
    clauses: state.clauses
      .map((c) => ({ id: c.id, type: c.type, covered: [...new Set(c.items.flatMap((i) => narrower.get(i) ?? [i]))].sort(), stored: c.covered }))
      .filter((c) => !same(c.covered, c.stored))
      .map(({ stored: _stored, ...c }) => c),
  };
}

export async function upsertEntity(db: Database, input: EntityInput, options: WriteOptions): Promise<WriteResult> {
  const kind = kindOfId(input.id);
  if (!kind || !/^[a-z]+:[a-z0-9]+(-[a-z0-9]+)*$/.test(input.id)) {
    throw invalid([`input.id: must look like "<kind>:<kebab-slug>" with a known kind (company:, country:, commodity: …), got "${input.id}"`]);
  }
  return runWrite(db, 'upsertEntity', input, options, (w) => upsertEntityIn(w, input, kind));
}

/** An entity added or updated inside a write (upsertEntity, and an accepted proposal). */
export async function upsertEntityIn(w: WriteScope, input: EntityInput, kind: EntityKind): Promise<Outcome> {
  {
    const found = (await storedEntities(w.tx, [input.id])).get(input.id);
    if (found?.redirect) throw invalid([`input.id: "${input.id}" was merged into "${found.redirect}"; update that entity`], ErrorCode.CONFLICT);
    const before = found?.props ?? null;
    const stored = before ? entityRecordOf(before) : null;
    const problems: string[] = [];
    if (!stored && !input.name) problems.push('input.name: required for a new entity');
    if (!stored && !input.description) problems.push('input.description: required for a new entity');
    if (problems.length > 0) throw invalid(problems);
    const name = input.name ?? stored!.name;
    const candidate = defined({
      id: input.id,
      name,
      aliases: joinAliases(name, stored?.aliases ?? [], input.aliases ?? [], input.removeAliases ?? []),
      description: input.description ?? stored?.description,
      iso2: input.iso2 ?? stored?.iso2,
      reference: input.reference ?? stored?.reference,
      issuedOn: input.issuedOn ?? stored?.issuedOn,
      effectiveFrom: input.effectiveFrom ?? stored?.effectiveFrom,
      effectiveUntil: input.effectiveUntil ?? stored?.effectiveUntil,
      broader: input.broader ?? stored?.broader,
    });
    const parsed = EntitySchema.safeParse(candidate);
    if (!parsed.success) throw invalid(zodProblems('input', parsed.error));
    const entity = parsed.data;
    const own = [...checkEntity(entity, kind, 'input'), ...checkOwnNames(entity, 'input')];
    if (own.length > 0) throw invalid(own);
    await checkNamesFree(w.tx, entity);
    const isGood = GOODS.includes(kind);
    const closure = isGood ? await recomputeClosure(w.tx, { set: { id: entity.id, kind, broader: entity.broader } }) : undefined;
    const record: EntityRecord = {
      ...entity,
      kind,
      sourceIds: stored?.sourceIds ?? [],
      ...(isGood ? { narrower: closure!.narrower.get(entity.id) ?? [entity.id] } : {}),
      ...(stored?.formerIds ? { formerIds: stored.formerIds } : {}),
    };
    const { props, hash } = entityProps(record, w.provenance(before));
    if (before && before.seedHash === hash) return { status: 'UNCHANGED', entity: await readEntity(w.tx, entity.id) };
    await writeEntity(w.tx, { id: entity.id, kind, hash, props: props as Props });
    if (closure) await setClosure(w.tx, closure.goods, closure.clauses);
    const after = (await storedEntities(w.tx, [entity.id])).get(entity.id)!.props;
    w.record(before ? 'UPDATE' : 'CREATE', 'ENTITY', entity.id, before, after);
    return { status: before ? 'UPDATED' : 'CREATED', entity: await readEntity(w.tx, entity.id) };
  }
}

// ---------------------------------------------------------------------------- facts

export interface FactInput {
  id: string;
  type: string;
  from: string;
  to: string;
  item?: string | null;
  period: string;
  nature?: string | null;
  claim: string;
  source: string;
  figure?: {
    value: number;
    unit: string;
    metric?: string | null;
    measuredBy?: string | null;
    approximate?: boolean | null;
    bound?: string | null;
    change?: { value: number; unit: string; basis: string; approximate?: boolean | null } | null;
  } | null;
  condition?: string | null;
  scope?: { items?: string[] | null; origins?: string[] | null; destinations?: string[] | null; endUsers?: string[] | null; sectors?: string[] | null } | null;
  note?: string | null;
  alsoStatedBy?: { source: string; claim: string; period?: string | null; note?: string | null }[] | null;
}

/** The seed's fact shape of an API input (a figure's parts are top-level fields in the seed). */
function factRowOf(input: FactInput): Record<string, unknown> {
  const figure = input.figure ?? undefined;
  return defined({
    id: input.id,
    type: input.type,
    from: input.from,
    to: input.to,
    period: input.period,
    claim: input.claim,
    item: input.item,
    quantity: figure ? { value: figure.value, unit: figure.unit } : undefined,
    metric: figure?.metric,
    measuredBy: figure?.measuredBy,
    change: figure?.change ? defined({ ...figure.change }) : undefined,
    approximate: figure?.approximate,
    bound: figure?.bound,
    nature: input.nature,
    condition: input.condition,
    alsoStatedBy: input.alsoStatedBy?.map((s) => defined({ ...s })),
    scope: input.scope ? defined({ ...input.scope }) : undefined,
    note: input.note,
  });
}

/** The seed's names of a figure's parts, as the API's input names them. */
const apiPath = (problem: string) =>
  problem
    .replace(/^input\.quantity/, 'input.figure')
    .replace(/^input\.(metric|measuredBy|bound|change)\b/, 'input.figure.$1')
    .replace(/^input\.approximate\b/, 'input.figure.approximate');

/** A stored fact in the seed's shape (for revalidating it when an entity it names merges away). */
function factRowOfStored(fact: StoredFact): { row: FactRow; source: string } {
  const p = fact.props;
  const refSources = strings(p.refSourceIds);
  const sourceIds = refSources.length > 0 ? refSources : strings(p.sourceIds);
  const claims = strings(p.refClaims);
  const periods = strings(p.refPeriods);
  const notes = strings(p.refNotes);
  const scoped = p.scopeItems !== undefined && (fact.type === 'RESTRICTS' || fact.type === 'APPLIES_TO');
  const row = defined({
    id: String(p.id),
    type: fact.type,
    from: fact.from,
    to: fact.to,
    period: String(p.period),
    claim: String(p.claim),
    item: optional(p.item),
    quantity: typeof p.quantity === 'number' ? { value: p.quantity, unit: String(p.unit) } : undefined,
    metric: optional(p.metric),
    measuredBy: optional(p.measuredBy),
    change:
      typeof p.changeValue === 'number'
        ? { value: p.changeValue, unit: String(p.changeUnit), basis: String(p.changeBasis), approximate: p.changeApproximate === true }
        : undefined,
    approximate: p.approximate === true,
    bound: optional(p.bound),
    nature: String(p.nature ?? 'REPORTED'),
    condition: optional(p.condition),
    note: optional(p.note),
    alsoStatedBy: sourceIds.slice(1).map((source, i) =>
      defined({ source, claim: claims[i + 1] ?? String(p.claim), period: periods[i + 1], note: notes[i + 1] || undefined }),
    ),
    scope: scoped
      ? {
          items: strings(p.scopeItems),
          origins: strings(p.scopeOrigins),
          destinations: strings(p.scopeDestinations),
          endUsers: strings(p.scopeEndUsers),
          sectors: strings(p.scopeSectors),
        }
      : undefined,
  }) as unknown as FactRow;
  return { row, source: sourceIds[0]! };
}

/** The entities a stored fact names, as the loader derives entity sources (from, to, item, measuredBy, scope). */
const namedByStored = (fact: StoredFact): string[] => {
  const p = fact.props;
  return [
    fact.from,
    fact.to,
    ...(p.item ? [String(p.item)] : []),
    ...(p.measuredBy ? [String(p.measuredBy)] : []),
    ...(['scopeItems', 'scopeOrigins', 'scopeDestinations', 'scopeEndUsers', 'scopeSectors'] as const).flatMap((k) => strings(p[k])),
  ];
};

/** Derives the entities' sources again from the facts naming them, as the loader does; records what changed. */
async function refreshEntitySources(w: WriteScope, ids: readonly string[]): Promise<void> {
  const rows: { id: string; sourceIds: string[] }[] = [];
  const stored = await storedEntities(w.tx, ids);
  for (const id of new Set(ids)) {
    const before = stored.get(id)?.props;
    if (!before) continue;
    const sources = new Set<string>();
    for (const fact of await factsNaming(w.tx, id)) if (namedByStored(fact).includes(id)) for (const s of strings(fact.props.sourceIds)) sources.add(s);
    const sourceIds = [...sources].sort();
    if (stable(sourceIds) === stable(strings(before.sourceIds))) continue;
    rows.push({ id, sourceIds });
    w.record('UPDATE', 'ENTITY', id, before, { ...before, sourceIds });
  }
  await setEntitySources(w.tx, rows);
}

/** Kinds (and stored closures) of the entities some ids name; merged ids are reported as such. */
async function lookupEntities(tx: Tx, ids: readonly string[]) {
  const found = await storedEntities(tx, ids);
  const lookup = new Map<string, KnownEntity>();
  const narrower = new Map<string, string[]>();
  const redirects: string[] = [];
  for (const [id, { props, redirect }] of found) {
    if (props) {
      lookup.set(id, { kind: String(props.kind) as EntityKind, broader: strings(props.broader) });
      narrower.set(id, props.narrower ? strings(props.narrower) : [id]);
    } else if (redirect) redirects.push(`"${id}" was merged into "${redirect}"`);
  }
  return { lookup, narrowerOf: (id: string) => narrower.get(id) ?? [id], redirects };
}

const factRow = (fact: StoredFact | undefined): RelationshipRow | null =>
  fact ? toRelationshipRow({ ...fact.props, type: fact.type, from: fact.from, to: fact.to }) : null;

export async function assertFact(db: Database, input: FactInput, options: WriteOptions): Promise<WriteResult> {
  const fact = checkedFact(input);
  return runWrite(db, 'assertFact', input, options, (w) => assertFactIn(w, input, fact));
}

/** The fact as FactSchema reads a curator's input (or refused with every problem). */
export function checkedFact(input: FactInput): FactRow {
  const parsed = FactSchema.safeParse(factRowOf(input));
  if (!parsed.success) throw invalid(zodProblems('input', parsed.error).map(apiPath));
  return parsed.data;
}

/** A fact stated inside a write (assertFact, and an accepted proposal). */
export async function assertFactIn(w: WriteScope, input: FactInput, fact: FactRow): Promise<Outcome> {
  {
    const named = [fact.from, fact.to, fact.item, fact.measuredBy, ...Object.values(fact.scope ?? {}).flat()].filter((id): id is string => !!id);
    const { lookup, narrowerOf, redirects } = await lookupEntities(w.tx, named);
    const sources = await storedSources(w.tx, [input.source, ...fact.alsoStatedBy.map((s) => s.source)]);
    const known = { has: (id: string) => !!sources.get(id) };
    const problems: string[] = [];
    if (!known.has(input.source)) problems.push(`input.source: unknown source "${input.source}"`);
    problems.push(...checkFact(fact, 'input', lookup, known, input.source));
    const scope = resolveScope(fact, 'input', lookup, narrowerOf, problems);
    if (problems.length > 0) throw invalid([...problems.map(apiPath), ...redirects]);
    const record = toFactRecord(fact, input.source, scope);
    const before = await storedFact(w.tx, fact.id);
    const { props, hash } = factProps(record, w.provenance(before?.props));
    const sameEnds = before && before.type === record.type && before.from === record.from && before.to === record.to;
    if (sameEnds && before.props.seedHash === hash) return { status: 'UNCHANGED', relationship: factRow(before) };
    if (before && before.type !== record.type) await deleteFact(w.tx, { type: before.type, id: before.props.id as string, from: before.from, to: before.to });
    await writeFact(w.tx, { id: record.id, type: record.type, from: record.from, to: record.to, hash, props: props as Props });
    const after = (await storedFact(w.tx, fact.id))!;
    w.record(before ? 'UPDATE' : 'CREATE', 'FACT', fact.id, before ? { ...before.props, type: before.type, from: before.from, to: before.to } : null, {
      ...after.props,
      type: after.type,
      from: after.from,
      to: after.to,
    });
    await refreshEntitySources(w, [...namedIds(record), ...(before ? namedByStored(before) : [])]);
    return { status: before ? 'UPDATED' : 'CREATED', relationship: factRow(after) };
  }
}

export async function retractFact(db: Database, id: string, reason: string, options: WriteOptions): Promise<WriteResult> {
  const why = reason.trim();
  if (why.length === 0) throw invalid(['reason: say why the fact is retracted']);
  if (why.length > MAX_LENGTH.note) throw invalid([`reason: must be at most ${MAX_LENGTH.note} characters`]);
  return runWrite(db, 'retractFact', { id, reason: why }, options, async (w) => {
    const before = await storedFact(w.tx, id);
    if (!before) throw new AppError(ErrorCode.NOT_FOUND, `No fact has the id "${id}" (a retracted fact is no longer one).`, { id });
    const retracted = await moveToRetracted(w.tx, { type: before.type, id, retractionId: randomUUID(), at: w.at, actor: w.actor, reason: why });
    w.record('RETRACT', 'FACT', id, { ...before.props, type: before.type, from: before.from, to: before.to }, retracted);
    await refreshEntitySources(w, namedByStored(before));
    return { status: 'RETRACTED', relationship: null, retracted };
  });
}

// ---------------------------------------------------------------------------- merge

export async function mergeEntities(db: Database, survivorId: string, mergedId: string, options: WriteOptions): Promise<WriteResult> {
  if (survivorId === mergedId) throw invalid([`merged: "${mergedId}" is the survivor itself`]);
  return runWrite(db, 'mergeEntities', { survivor: survivorId, merged: mergedId }, options, async (w) => {
    const found = await storedEntities(w.tx, [survivorId, mergedId]);
    for (const [argument, id] of [['survivor', survivorId], ['merged', mergedId]] as const) {
      const entry = found.get(id);
      if (!entry?.props) {
        const hint = entry?.redirect ? ` (it was merged into "${entry.redirect}")` : '';
        throw new AppError(ErrorCode.NOT_FOUND, `No entity has the id "${id}"${hint}.`, { id, argument });
      }
    }
    const survivorProps = found.get(survivorId)!.props!;
    const mergedProps = found.get(mergedId)!.props!;
    const survivor = entityRecordOf(survivorProps);
    const merged = entityRecordOf(mergedProps);
    if (survivor.kind !== merged.kind) {
      throw invalid([`merged: "${mergedId}" is a ${merged.kind} and "${survivorId}" a ${survivor.kind}; only entities of one kind merge`]);
    }
    const isGood = GOODS.includes(survivor.kind);
    const broader = [...new Set([...survivor.broader, ...merged.broader])].filter((id) => id !== survivorId && id !== mergedId);
    const closure = isGood ? await recomputeClosure(w.tx, { set: { id: survivorId, kind: survivor.kind, broader }, remove: mergedId }) : undefined;
    const narrowerAfter = (id: string) => closure?.narrower.get(id) ?? undefined;

    // Every fact naming the merged entity, rewritten to name the survivor and checked again.
    const swap = (id: string) => (id === mergedId ? survivorId : id);
    const facts = await factsNaming(w.tx, mergedId);
    const rewritten = facts.map((fact) => {
      const { row, source } = factRowOfStored(fact);
      const scope = row.scope && Object.fromEntries(Object.entries(row.scope).map(([k, ids]) => [k, [...new Set((ids as string[]).map(swap))]]));
      return {
        before: fact,
        source,
        row: { ...row, from: swap(row.from), to: swap(row.to), item: row.item && swap(row.item), measuredBy: row.measuredBy && swap(row.measuredBy), ...(scope ? { scope } : {}) } as FactRow,
      };
    });
    const { lookup, narrowerOf } = await lookupEntities(
      w.tx,
      rewritten.flatMap(({ row }) => [row.from, row.to, row.item, row.measuredBy, ...Object.values(row.scope ?? {}).flat()]).filter((id): id is string => !!id && id !== mergedId),
    );
    const sourceIds = new Set(rewritten.flatMap(({ before }) => strings(before.props.sourceIds)));
    const problems: string[] = [];
    const records = rewritten.map(({ row, source, before }) => {
      const where = `merged: fact "${row.id}"`;
      const factProblems = checkFact(row, where, lookup, sourceIds, source);
      const scope = resolveScope(row, where, lookup, (id) => narrowerAfter(id) ?? narrowerOf(id), factProblems);
      problems.push(...factProblems);
      return { before, record: factProblems.length === 0 ? toFactRecord(row, source, scope) : null };
    });
    if (problems.length > 0) throw invalid(problems, ErrorCode.CONFLICT);

    const aliases = joinAliases(survivor.name, survivor.aliases, [merged.name, ...merged.aliases], []);
    const formerIds = [...new Set([...(survivor.formerIds ?? []), mergedId, ...(merged.formerIds ?? [])])].sort();
    const parsed = EntitySchema.safeParse(
      defined({ ...survivor, kind: undefined, sourceIds: undefined, narrower: undefined, formerIds: undefined, aliases, broader }),
    );
    if (!parsed.success) throw invalid(zodProblems('merged', parsed.error));

    for (const { before, record } of records) {
      const { props, hash } = factProps(record!, w.provenance(before.props));
      await writeFact(w.tx, { id: record!.id, type: record!.type, from: record!.from, to: record!.to, hash, props: props as Props });
      const after = (await storedFact(w.tx, record!.id))!;
      w.record('UPDATE', 'FACT', record!.id, { ...before.props, type: before.type, from: before.from, to: before.to }, {
        ...after.props,
        type: after.type,
        from: after.from,
        to: after.to,
      });
    }
    await mergeAway(w.tx, mergedId, survivorId);
    w.record('MERGE', 'ENTITY', mergedId, mergedProps, null);

    const { props, hash } = entityProps(
      {
        ...parsed.data,
        kind: survivor.kind,
        sourceIds: survivor.sourceIds,
        ...(isGood ? { narrower: closure!.narrower.get(survivorId) ?? [survivorId] } : {}),
        formerIds,
      },
      w.provenance(survivorProps),
    );
    await writeEntity(w.tx, { id: survivorId, kind: survivor.kind, hash, props: props as Props });
    if (closure) await setClosure(w.tx, closure.goods, closure.clauses);
    const after = (await storedEntities(w.tx, [survivorId])).get(survivorId)!.props;
    w.record('MERGE', 'ENTITY', survivorId, survivorProps, after);
    await refreshEntitySources(w, [survivorId]);
    return { status: 'MERGED', entity: await readEntity(w.tx, survivorId) };
  });
}
