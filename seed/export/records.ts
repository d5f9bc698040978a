/**
 * The inverse of seed/load/write.ts: stored properties back to the records of the seed
 * files, in the key order the hand-written files use. Properties the loader derives
 * (name keys, the taxonomy's closure, period bounds, covered items, hashes and flags)
 * are not exported: loading the exported files computes them again.
 */
import type { Plain } from '../../src/db/convert.js';
import { CURATED_PROPS, DERIVED_PROPS } from '../load/write.js';
import type { EntityKind } from '../vocabulary.js';

export type Props = Record<string, Plain>;

export interface GraphSource {
  props: Props;
}
export interface GraphEntity {
  props: Props;
}
export interface GraphFact {
  type: string;
  from: string;
  to: string;
  toKind: string;
  props: Props;
}
export interface GraphSnapshot {
  sources: GraphSource[];
  entities: GraphEntity[];
  facts: GraphFact[];
  /** RetractedFact nodes: the fact's properties and the retraction's. */
  retracted: { props: Props }[];
}

/** A record as it appears in a seed file: keys in the order they are written. */
export type SeedRecord = Record<string, unknown>;

/** Computed by the loader from the rest of the seed; never exported, never compared. */
const DERIVED = new Set(DERIVED_PROPS);

/**
 * Marks of a write through the API. Not exported: once the change is in the seed files,
 * git records who made it and when, and the next load adopts the item as seeded.
 */
const CURATED = new Set(CURATED_PROPS);

const SOURCE_KEYS = ['id', 'file', 'publisher', 'title', 'titleAssigned', 'date', 'dateNote', 'kind'];
const ENTITY_KEYS = ['id', 'kind', 'name', 'aliases', 'description', 'iso2', 'reference', 'issuedOn', 'effectiveFrom', 'effectiveUntil', 'broader', 'formerIds'];
const FACT_KEYS = [
  'id', 'claim', 'period', 'item', 'quantity', 'unit', 'metric', 'changeValue', 'changeUnit', 'changeBasis',
  'changeApproximate', 'measuredBy', 'approximate', 'bound', 'nature', 'condition', 'note',
  'refSourceIds', 'refClaims', 'refPeriods', 'refNotes',
  'scopeItems', 'scopeOrigins', 'scopeDestinations', 'scopeEndUsers', 'scopeSectors',
];

const GOODS = ['Commodity', 'Product'];

/** Stored properties the seed files have no field for (written by something other than the loader). */
export function unexportedKeys(props: Props, known: readonly string[]): string[] {
  return Object.keys(props)
    .filter((key) => !known.includes(key) && !DERIVED.has(key) && !CURATED.has(key))
    .sort();
}

export const knownKeys = { source: SOURCE_KEYS, entity: ENTITY_KEYS, fact: FACT_KEYS };

/** The set properties `kept` keeps, as JSON with the keys sorted: what an item is compared by. */
function keyed(props: Record<string, unknown>, kept: (key: string) => boolean): string {
  const keys = Object.keys(props)
    .filter((key) => kept(key) && props[key] !== undefined && props[key] !== null)
    .sort();
  return JSON.stringify(keys.map((key) => [key, props[key]]));
}

/** The stored properties an item is compared by: everything but the derived and curated ones. */
export const comparable = (props: Record<string, unknown>): string => keyed(props, (key) => !DERIVED.has(key) && !CURATED.has(key));

const str = (value: Plain | undefined): string | undefined => (value === null || value === undefined ? undefined : String(value));
const list = (value: Plain | undefined): string[] => (Array.isArray(value) ? value.map(String) : []);

/** Drops undefined values, keeping the key order. */
function compact(record: Record<string, unknown>): SeedRecord {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}

export function sourceRecord(p: Props): SeedRecord {
  return {
    id: p.id,
    file: p.file,
    publisher: p.publisher,
    title: p.title,
    titleAssigned: p.titleAssigned === true,
    date: p.date ?? null,
    dateNote: p.dateNote ?? null,
    kind: p.kind,
  };
}

export function entityRecord(p: Props): SeedRecord {
  const broader = list(p.broader);
  return compact({
    id: p.id,
    name: p.name,
    aliases: list(p.aliases),
    iso2: str(p.iso2),
    reference: str(p.reference),
    issuedOn: str(p.issuedOn),
    effectiveFrom: str(p.effectiveFrom),
    effectiveUntil: str(p.effectiveUntil),
    description: p.description,
    broader: broader.length > 0 ? broader : undefined,
    formerIds: list(p.formerIds).length > 0 ? list(p.formerIds) : undefined,
  });
}

/** The retraction's own properties on a RetractedFact node; the rest are the fact's. */
const RETRACTION_KEYS = ['retractionId', 'type', 'from', 'to', 'retractedAt', 'retractedBy', 'retractionReason'];

/**
 * A retracted fact as seed/retracted.yaml keeps it: the retraction, then the fact's
 * properties exactly as stored (keys sorted), so a reload restores the node as it was.
 */
export function retractedRecord(p: Props): SeedRecord {
  const fact = Object.fromEntries(
    Object.keys(p)
      .filter((key) => !RETRACTION_KEYS.includes(key))
      .sort()
      .map((key) => [key, p[key]]),
  );
  return {
    id: p.retractionId,
    type: p.type,
    from: p.from,
    to: p.to,
    retractedAt: p.retractedAt,
    retractedBy: p.retractedBy,
    reason: p.retractionReason,
    fact,
  };
}

/** What a retracted fact stores, for telling whether the file already says it: every property. */
export const retractedKey = (props: Record<string, unknown>): string => keyed(props, () => true);

/** The fact's record and the source whose file it belongs in (its first statement's). */
export function factRecord(f: GraphFact): { source: string; record: SeedRecord } {
  const p = f.props;
  const sources = list(p.refSourceIds);
  const claims = list(p.refClaims);
  const periods = list(p.refPeriods);
  const notes = list(p.refNotes);
  const period = str(p.period) ?? periods[0];
  const alsoStatedBy = sources.slice(1).map((source, i) =>
    compact({
      source,
      claim: claims[i + 1],
      period: periods[i + 1] && periods[i + 1] !== period ? periods[i + 1] : undefined,
      note: notes[i + 1] ? notes[i + 1] : undefined,
    }),
  );
  return {
    source: sources[0] ?? '',
    record: compact({
      id: p.id,
      type: f.type,
      from: f.from,
      to: f.to,
      item: str(p.item),
      scope: scopeRecord(f),
      metric: str(p.metric),
      quantity: p.quantity === null || p.quantity === undefined ? undefined : { value: p.quantity, unit: p.unit },
      change:
        p.changeValue === null || p.changeValue === undefined
          ? undefined
          : compact({ value: p.changeValue, unit: p.changeUnit, basis: p.changeBasis, approximate: p.changeApproximate === true ? true : undefined }),
      measuredBy: str(p.measuredBy),
      approximate: p.approximate === true ? true : undefined,
      bound: str(p.bound),
      nature: p.nature && p.nature !== 'REPORTED' ? p.nature : undefined,
      condition: str(p.condition),
      period,
      claim: p.claim,
      note: str(p.note),
      alsoStatedBy: alsoStatedBy.length > 0 ? alsoStatedBy : undefined,
    }),
  };
}

/**
 * A policy clause's scope as written: the loader adds the fact's `to` to `items` (a good)
 * or `sectors` (a Sector) itself, so it is left out here.
 */
function scopeRecord(f: GraphFact): SeedRecord | undefined {
  if (f.type !== 'RESTRICTS' && f.type !== 'APPLIES_TO') return undefined;
  const p = f.props;
  const without = (ids: string[], drop: boolean) => (drop ? ids.filter((id) => id !== f.to) : ids);
  const scope = compact({
    items: without(list(p.scopeItems), GOODS.includes(f.toKind)),
    origins: list(p.scopeOrigins),
    destinations: list(p.scopeDestinations),
    endUsers: list(p.scopeEndUsers),
    sectors: without(list(p.scopeSectors), f.toKind === 'Sector'),
  });
  const given = Object.fromEntries(Object.entries(scope).filter(([, ids]) => (ids as string[]).length > 0));
  return Object.keys(given).length > 0 ? given : undefined;
}

/** The entity file a kind is written to (the inverse of KIND_BY_FILE). */
export function entityFileOf(kind: string, kindByFile: Record<string, EntityKind>): string | undefined {
  return Object.entries(kindByFile).find(([, k]) => k === kind)?.[0];
}
