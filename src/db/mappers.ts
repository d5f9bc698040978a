/** Plain query results → the row types in rows.ts. One place knows the stored property names. */
import type { EntityKind, RelationshipType } from '../../seed/vocabulary.js';
import type { Plain } from './convert.js';
import type { EntityRow, IdsFound, ReferenceRow, RelationshipRow, ScopeRow, SourceRow } from './rows.js';

type Props = Record<string, Plain>;

const str = (value: Plain | undefined): string | null => (value === null || value === undefined ? null : String(value));
const num = (value: Plain | undefined): number | null => (typeof value === 'number' ? value : null);
const strings = (value: Plain | undefined): string[] => (Array.isArray(value) ? value.map(String) : []);

export function toSourceRow(p: Props): SourceRow {
  return {
    id: String(p.id),
    publisher: String(p.publisher),
    title: String(p.title),
    titleAssigned: p.titleAssigned === true,
    date: str(p.date),
    dateNote: str(p.dateNote),
    kind: String(p.kind),
    url: str(p.url),
  };
}

export function toEntityRow(p: Props): EntityRow {
  return {
    id: String(p.id),
    kind: String(p.kind) as EntityKind,
    name: String(p.name),
    aliases: strings(p.aliases),
    description: String(p.description ?? ''),
    sourceIds: strings(p.sourceIds),
    degree: num(p.degree) ?? 0,
    iso2: str(p.iso2),
    reference: str(p.reference),
    issuedOn: str(p.issuedOn),
    effectiveFrom: str(p.effectiveFrom),
    effectiveUntil: str(p.effectiveUntil),
    narrower: strings(p.narrower),
    formerIds: strings(p.formerIds),
  };
}

/** The statements of a fact from its parallel lists; a fact stored without them has one, its own. */
function toReferences(p: Props): ReferenceRow[] {
  const sourceIds = strings(p.refSourceIds);
  const own = { claim: String(p.claim ?? ''), period: String(p.period ?? ''), periodStart: String(p.periodStart ?? ''), periodEnd: str(p.periodEnd), note: str(p.note) };
  if (sourceIds.length === 0) return strings(p.sourceIds).map((sourceId) => ({ sourceId, ...own }));
  const claims = strings(p.refClaims);
  const periods = strings(p.refPeriods);
  const starts = strings(p.refPeriodStarts);
  const ends = strings(p.refPeriodEnds);
  const notes = strings(p.refNotes);
  // Lists cannot hold nulls: an open end and an absent note are stored as ''.
  return sourceIds.map((sourceId, i) => ({
    sourceId,
    claim: claims[i] ?? own.claim,
    period: periods[i] ?? own.period,
    periodStart: starts[i] ?? own.periodStart,
    periodEnd: ends[i] === undefined ? own.periodEnd : ends[i] || null,
    note: notes[i] || null,
  }));
}

function toScope(p: Props): ScopeRow | null {
  if (p.scopeItems === undefined && p.scopeSubjects === undefined) return null;
  return {
    items: strings(p.scopeItems),
    coveredItems: strings(p.scopeCoveredItems),
    origins: strings(p.scopeOrigins),
    destinations: strings(p.scopeDestinations),
    endUsers: strings(p.scopeEndUsers),
    sectors: strings(p.scopeSectors),
    subjects: strings(p.scopeSubjects),
  };
}

export function toRelationshipRow(p: Props): RelationshipRow {
  return {
    id: String(p.id),
    type: String(p.type) as RelationshipType,
    from: String(p.from),
    to: String(p.to),
    item: str(p.item),
    claim: String(p.claim ?? ''),
    period: String(p.period ?? ''),
    periodStart: String(p.periodStart ?? ''),
    periodEnd: str(p.periodEnd),
    sourceIds: strings(p.sourceIds),
    references: toReferences(p),
    nature: String(p.nature ?? 'REPORTED'),
    condition: str(p.condition),
    note: str(p.note),
    measuredBy: str(p.measuredBy),
    scope: toScope(p),
    quantity: num(p.quantity),
    unit: str(p.unit),
    metric: str(p.metric),
    approximate: p.approximate === true,
    bound: str(p.bound),
    changeValue: num(p.changeValue),
    changeUnit: str(p.changeUnit),
    changeBasis: str(p.changeBasis),
    changeApproximate: p.changeApproximate === true,
  };
}

/** What a read looked up for its id arguments: its `checkedEntities` and `checkedSources` columns. */
export function toIdsFound(row: Props | undefined): IdsFound {
  return {
    entities: ((row?.checkedEntities as Props[] | undefined) ?? []).map((found) => ({
      requested: String(found.requested),
      entity: toEntityRow(found.entity as Props),
    })),
    sources: ((row?.checkedSources as Plain[] | undefined) ?? []).map(String),
  };
}
