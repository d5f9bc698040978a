/**
 * The one mapping from validated sources, entities and facts to the properties stored in
 * Neo4j, for the seed loader (seed/load/write.ts) and the API's writes (src/curation/)
 * alike, so a curated item carries exactly the properties a seeded one does and every
 * read query, index and full-text search finds it the same way.
 */
import { createHash } from 'node:crypto';
import { type Metric, metricWords } from '../../seed/vocabulary.js';
import { nameKeys } from '../db/names.js';
import type { EntityRecord, FactRecord, SourceRecord } from './rules.js';

type Props = Record<string, unknown>;

/**
 * How an item came to be: `seeded: true` from the seed files; a curator's write through
 * the API sets `seeded: false` on what it creates, keeps the flag of what it changes, and
 * stamps both with `curatedAt` (ISO datetime) and `curatedBy` (the actor's name).
 */
export type Provenance = { seeded: boolean; curatedAt?: string; curatedBy?: string };

/** What the loader writes. */
export const SEEDED: Provenance = { seeded: true };

/**
 * The stored properties without unset keys, and a hash of the content (provenance
 * excluded), stored as `seedHash`: the loader rewrites an item only when its hash changed.
 */
function withHash(props: Props, provenance: Provenance): { props: Props; hash: string } {
  const clean = Object.fromEntries(
    Object.entries(props).filter(([, value]) => value !== undefined && value !== null),
  );
  const hash = createHash('sha256').update(JSON.stringify(clean)).digest('hex').slice(0, 32);
  const marks = Object.fromEntries(Object.entries(provenance).filter(([, value]) => value !== undefined));
  return { props: { ...clean, ...marks, seedHash: hash }, hash };
}

export const sourceProps = (s: SourceRecord, provenance: Provenance) =>
  withHash(
    {
      id: s.id,
      file: s.file,
      url: s.url,
      publisher: s.publisher,
      title: s.title,
      titleAssigned: s.titleAssigned,
      date: s.date,
      dateNote: s.dateNote,
      kind: s.kind,
    },
    provenance,
  );

export const entityProps = (e: EntityRecord, provenance: Provenance) =>
  withHash(
    {
      id: e.id,
      kind: e.kind,
      name: e.name,
      aliases: e.aliases,
      nameKeys: nameKeys([e.name, ...e.aliases]),
      description: e.description,
      sourceIds: e.sourceIds,
      iso2: e.iso2,
      reference: e.reference,
      issuedOn: e.issuedOn,
      effectiveFrom: e.effectiveFrom,
      effectiveUntil: e.effectiveUntil,
      broader: e.broader.length > 0 ? e.broader : undefined,
      // The taxonomy's closure, computed once here so commodity filters read it from the node.
      narrower: e.narrower,
      // Ids of entities merged into this one (mergeEntities); they find it by id.
      formerIds: e.formerIds && e.formerIds.length > 0 ? e.formerIds : undefined,
    },
    provenance,
  );

export const factProps = (f: FactRecord, provenance: Provenance) =>
  withHash(
    {
      id: f.id,
      claim: f.claim,
      period: f.period,
      periodStart: f.periodStart,
      periodEnd: f.periodEnd,
      sourceIds: f.sourceIds,
      item: f.item,
      quantity: f.quantity?.value,
      unit: f.quantity?.unit,
      metric: f.metric,
      // Derived from `metric`: the words fact search finds it by (the `fact_text` index).
      metricWords: f.metric ? metricWords(f.metric as Metric) : undefined,
      changeValue: f.change?.value,
      changeUnit: f.change?.unit,
      changeBasis: f.change?.basis,
      changeApproximate: f.change?.approximate,
      measuredBy: f.measuredBy,
      approximate: f.approximate,
      bound: f.bound,
      nature: f.nature,
      condition: f.condition,
      note: f.note,
      // Neo4j properties cannot nest, so the statements are parallel lists, in order.
      refSourceIds: f.references.map((r) => r.sourceId),
      refClaims: f.references.map((r) => r.claim),
      refPeriods: f.references.map((r) => r.period),
      refPeriodStarts: f.references.map((r) => r.periodStart),
      refPeriodEnds: f.references.map((r) => r.periodEnd ?? ''),
      refNotes: f.references.map((r) => r.note ?? ''),
      ...(f.scope && {
        scopeItems: f.scope.items,
        scopeCoveredItems: f.scope.coveredItems,
        scopeOrigins: f.scope.origins,
        scopeDestinations: f.scope.destinations,
        scopeEndUsers: f.scope.endUsers,
        scopeSectors: f.scope.sectors,
        scopeSubjects: f.scope.subjects,
      }),
    },
    provenance,
  );

