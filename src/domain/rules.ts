/**
 * The rules one source, entity or fact must meet, given what else the graph holds: the
 * same for the seed loader (seed/load/validate.ts, over the whole seed) and a curator's
 * write through the API (src/curation/, over the graph as stored). Each function returns
 * the problems it finds as sentences that start with `where` (a file and key, or the
 * argument), and never throws for bad data.
 */
import {
  ENTITY_KINDS,
  type EntityKind,
  ID_PREFIX,
  METRICS,
  RELATIONSHIP_TYPES,
  type RelationshipRule,
  type RelationshipType,
} from '../../seed/vocabulary.js';
import type { ReferenceRow, ScopeRow } from '../db/rows.js';
import { isIsoDate, parsePeriod } from './period.js';
import type { EntityRow, FactRow, SourceRow } from './schema.js';

/** A source as stored. */
export type SourceRecord = SourceRow;

/** An entity as stored: its row, its kind and the sources of the facts it takes part in. */
export interface EntityRecord extends EntityRow {
  kind: EntityKind;
  /** The sources of the facts the entity takes part in. */
  sourceIds: string[];
  /** Commodity or Product: itself and every good that is (transitively) a kind, form or grade of it. */
  narrower?: string[];
  /** Ids of entities merged into this one (curation only). */
  formerIds?: string[];
}

/** A fact as stored: its row with every statement, its period's days and its scope resolved. */
export interface FactRecord extends Omit<FactRow, 'type' | 'alsoStatedBy' | 'scope'> {
  type: RelationshipType;
  /** The fact's own source first, then the sources of `alsoStatedBy`. */
  sourceIds: string[];
  /** Every statement of the fact, its own source's first. */
  references: ReferenceRow[];
  periodStart: string;
  /** Null when the period is open-ended (in force from its start on). */
  periodEnd: string | null;
  scope: ScopeRow | null;
}

/** What the rules need to know of an entity a record names. */
export interface KnownEntity {
  kind: EntityKind;
  broader?: readonly string[];
}

/** Entities by id: the whole seed for the loader, the ones a write names for the API. */
export type EntityLookup = ReadonlyMap<string, KnownEntity>;

export const GOODS: readonly EntityKind[] = ['Commodity', 'Product'];
export const PLACES: readonly EntityKind[] = ['Country', 'Region'];
const ITEM_KINDS: readonly EntityKind[] = ['Commodity', 'Product', 'Technology'];

const KIND_BY_PREFIX = new Map(ENTITY_KINDS.map((kind) => [ID_PREFIX[kind], kind] as const));

/** The kind an entity id's prefix names (`company:…` → Company), or undefined. */
export const kindOfId = (id: string): EntityKind | undefined => KIND_BY_PREFIX.get(id.split(':')[0]!);

/** A source's date is a day or null, and an undated source says what is known of its date. */
export function checkSource(source: SourceRow, where: string): string[] {
  const problems: string[] = [];
  if (source.date !== null && !isIsoDate(source.date)) {
    problems.push(`${where}.date: must be a date like 2025-09-16 or null, got "${source.date}"`);
  }
  if (source.date === null && !source.dateNote) {
    problems.push(`${where}.dateNote: required when date is null (say what is known of when it was written)`);
  }
  return problems;
}

/**
 * An entity's own fields: its id's prefix matches its kind, a policy's dates are days in
 * order, and only goods name broader goods.
 */
export function checkEntity(entity: EntityRow, kind: EntityKind, where: string): string[] {
  const problems: string[] = [];
  if (kindOfId(entity.id) !== kind) {
    problems.push(`${where}.id: a ${kind} id must start with "${ID_PREFIX[kind]}:", got "${entity.id}"`);
    return problems;
  }
  if (kind === 'Policy') {
    for (const key of ['issuedOn', 'effectiveFrom', 'effectiveUntil'] as const) {
      const value = entity[key];
      if (value !== undefined && !isIsoDate(value)) problems.push(`${where}.${key}: must be a date like 2026-01-01`);
    }
    if (entity.effectiveFrom && entity.effectiveUntil && entity.effectiveUntil < entity.effectiveFrom)
      problems.push(`${where}.effectiveUntil: ends before effectiveFrom`);
  } else if (entity.effectiveUntil !== undefined) {
    problems.push(`${where}.effectiveUntil: only a Policy has one`);
  }
  if (entity.broader.length > 0 && !GOODS.includes(kind))
    problems.push(`${where}.broader: only a Commodity or Product belongs to broader goods`);
  return problems;
}

/** The key by which two spellings of a name count as the same (case and spacing ignored). */
export const spellingKey = (value: string) => value.toLowerCase().replace(/\s+/g, ' ');

/** Aliases that repeat the entity's own name or another of its aliases. */
export function checkOwnNames(entity: Pick<EntityRow, 'name' | 'aliases'>, where: string): string[] {
  const problems: string[] = [];
  const seen = new Set([spellingKey(entity.name)]);
  entity.aliases.forEach((alias, i) => {
    if (seen.has(spellingKey(alias)))
      problems.push(`${where}.aliases[${i}]: "${alias}" repeats the entity's own name or another of its aliases`);
    seen.add(spellingKey(alias));
  });
  return problems;
}

/**
 * A fact's own rules: a known type joining the kinds it may join, its item, figure,
 * metric and qualifiers as the type takes them, a valid period, and known sources for
 * every other statement. `source` is the fact's own source (its file's, in the seed).
 */
export function checkFact(
  fact: FactRow,
  where: string,
  entities: EntityLookup,
  sourceIds: { has(id: string): boolean },
  source: string,
): string[] {
  const problems: string[] = [];
  const rule: RelationshipRule | undefined = Object.hasOwn(RELATIONSHIP_TYPES, fact.type)
    ? RELATIONSHIP_TYPES[fact.type as RelationshipType]
    : undefined;
  if (!rule) {
    problems.push(`${where}.type: unknown relationship type "${fact.type}" (see seed/vocabulary.ts)`);
    return problems;
  }
  const endpoint = (key: 'from' | 'to', allowed: readonly EntityKind[]) => {
    const entity = entities.get(fact[key]);
    if (!entity) problems.push(`${where}.${key}: unknown entity "${fact[key]}"`);
    else if (!allowed.includes(entity.kind)) {
      problems.push(
        `${where}.${key}: ${fact.type} cannot ${key === 'from' ? 'start at' : 'end at'} a ${entity.kind} ("${fact[key]}"); allowed: ${allowed.join(', ')}`,
      );
    }
  };
  endpoint('from', rule.from);
  endpoint('to', rule.to);
  // Only a metric may concern its own subject (a project's duration, a product's power density).
  if (fact.from === fact.to && fact.type !== 'HAS_METRIC') {
    problems.push(`${where}.to: a ${fact.type} fact cannot link "${fact.from}" to itself (only HAS_METRIC can)`);
  }
  if (fact.item !== undefined) {
    const item = entities.get(fact.item);
    if (!item) problems.push(`${where}.item: unknown entity "${fact.item}"`);
    else if (!ITEM_KINDS.includes(item.kind)) {
      problems.push(`${where}.item: must be a Commodity, Product or Technology, "${fact.item}" is a ${item.kind}`);
    }
  } else if (rule.item === 'required') {
    problems.push(`${where}.item: ${fact.type} must name the commodity or product it concerns`);
  }
  if (rule.item === undefined && fact.item !== undefined && fact.type !== 'LICENSES_TO') {
    problems.push(`${where}.item: ${fact.type} does not take an item`);
  }
  if (rule.quantity === 'required' && !fact.quantity) problems.push(`${where}.quantity: ${fact.type} needs a quantity`);
  if (rule.quantity === undefined && fact.quantity) problems.push(`${where}.quantity: ${fact.type} does not take a quantity`);
  if (rule.metric === 'required' && !fact.metric) problems.push(`${where}.metric: ${fact.type} must name the metric it measures`);
  if (fact.metric && fact.quantity) {
    const units: readonly string[] = METRICS[fact.metric as keyof typeof METRICS].units;
    if (!units.includes(fact.quantity.unit))
      problems.push(`${where}.quantity.unit: a ${fact.metric} figure is in ${units.join(' or ')}, not ${fact.quantity.unit}`);
  }
  if ((fact.change || fact.bound || fact.approximate || fact.measuredBy || fact.metric) && !fact.quantity) {
    problems.push(`${where}: change, bound, approximate, metric and measuredBy qualify a quantity, and this fact has none`);
  }
  if (fact.measuredBy !== undefined) {
    const body = entities.get(fact.measuredBy);
    if (!body) problems.push(`${where}.measuredBy: unknown entity "${fact.measuredBy}"`);
    else if (!['Organization', 'Company'].includes(body.kind))
      problems.push(`${where}.measuredBy: must be an Organization or Company, "${fact.measuredBy}" is a ${body.kind}`);
  }
  if (!parsePeriod(fact.period)) {
    problems.push(
      `${where}.period: "${fact.period}" is not a period (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn or start/end)`,
    );
  }
  const stated = new Set<string>();
  for (const [index, ref] of fact.alsoStatedBy.entries()) {
    const at = `${where}.alsoStatedBy[${index}]`;
    if (!sourceIds.has(ref.source)) problems.push(`${at}.source: unknown source "${ref.source}"`);
    if (ref.source === source) problems.push(`${at}.source: "${ref.source}" is already this fact's source`);
    else if (stated.has(ref.source)) problems.push(`${at}.source: "${ref.source}" states this fact twice`);
    stated.add(ref.source);
    if (ref.period !== undefined && !parsePeriod(ref.period)) problems.push(`${at}.period: "${ref.period}" is not a period`);
  }
  return problems;
}

/**
 * The scope of a RESTRICTS or APPLIES_TO fact, with its `to` placed by kind: goods are
 * items, a sector is a sector, a company, organisation or project is bound by name, and a
 * place must be listed as an origin or a destination (it cannot be guessed which).
 * SUBJECT_TO facts bind their `from` by name. Other facts have no scope. `narrower`
 * gives each good's closure (narrowerClosure). Problems are added to `problems`.
 */
export function resolveScope(
  fact: FactRow,
  where: string,
  entities: EntityLookup,
  narrower: (id: string) => readonly string[],
  problems: string[],
): ScopeRow | null {
  if (fact.type === 'SUBJECT_TO') {
    if (fact.scope) problems.push(`${where}.scope: only RESTRICTS and APPLIES_TO facts take a scope`);
    return { items: [], coveredItems: [], origins: [], destinations: [], endUsers: [], sectors: [], subjects: [fact.from] };
  }
  if (fact.type !== 'RESTRICTS' && fact.type !== 'APPLIES_TO') {
    if (fact.scope) problems.push(`${where}.scope: only RESTRICTS and APPLIES_TO facts take a scope`);
    return null;
  }
  const given = fact.scope ?? { items: [], origins: [], destinations: [], endUsers: [], sectors: [] };
  const check = (key: keyof typeof given, kinds: readonly EntityKind[]) =>
    given[key].forEach((id, index) => {
      const e = entities.get(id);
      if (!e) problems.push(`${where}.scope.${key}[${index}]: unknown entity "${id}"`);
      else if (!kinds.includes(e.kind))
        problems.push(`${where}.scope.${key}[${index}]: "${id}" is a ${e.kind}; allowed: ${kinds.join(', ')}`);
    });
  check('items', GOODS);
  check('origins', PLACES);
  check('destinations', PLACES);
  check('endUsers', ['Sector']);
  check('sectors', ['Sector']);
  const scope = {
    items: [...given.items],
    origins: [...given.origins],
    destinations: [...given.destinations],
    endUsers: [...given.endUsers],
    sectors: [...given.sectors],
    subjects: [] as string[],
  };
  const target = entities.get(fact.to);
  if (target) {
    if (GOODS.includes(target.kind)) scope.items.push(fact.to);
    else if (target.kind === 'Sector') scope.sectors.push(fact.to);
    else if (PLACES.includes(target.kind)) {
      if (!scope.origins.includes(fact.to) && !scope.destinations.includes(fact.to))
        problems.push(`${where}.scope: list "${fact.to}" as an origin or a destination; a policy's place cannot be guessed`);
    } else if (['Company', 'Organization', 'Project'].includes(target.kind)) scope.subjects.push(fact.to);
  }
  const unique = (ids: readonly string[]) => [...new Set(ids)].sort();
  const items = unique(scope.items);
  return {
    items,
    coveredItems: unique(items.flatMap((id) => narrower(id))),
    origins: unique(scope.origins),
    destinations: unique(scope.destinations),
    endUsers: unique(scope.endUsers),
    sectors: unique(scope.sectors),
    subjects: unique(scope.subjects),
  };
}

/** The ids a scope names (besides the fact's ends), whose entities cite the fact's sources. */
export const scopedIds = (scope: ScopeRow | null): string[] =>
  scope ? [...scope.items, ...scope.origins, ...scope.destinations, ...scope.endUsers, ...scope.sectors] : [];

/** Every entity a fact names: its ends, item, measuring body and scope; each cites the fact's sources. */
export const namedIds = (fact: Pick<FactRecord, 'from' | 'to' | 'item' | 'measuredBy' | 'scope'>): string[] => [
  ...new Set([fact.from, fact.to, ...(fact.item ? [fact.item] : []), ...(fact.measuredBy ? [fact.measuredBy] : []), ...scopedIds(fact.scope)]),
];

/** The stored form of a valid fact (checkFact found no problem): its statements and period's days. */
export function toFactRecord(fact: FactRow, source: string, scope: ScopeRow | null): FactRecord {
  const period = parsePeriod(fact.period)!;
  const { alsoStatedBy, type, scope: _scope, ...rest } = fact;
  const statement = (sourceId: string, claim: string, text: string, note: string | undefined): ReferenceRow => {
    const range = parsePeriod(text)!;
    return { sourceId, claim, period: text, periodStart: range.start, periodEnd: range.end, note: note ?? null };
  };
  const references = [
    statement(source, fact.claim, fact.period, fact.note),
    ...alsoStatedBy.map((r) => statement(r.source, r.claim, r.period ?? fact.period, r.note)),
  ];
  return {
    ...rest,
    type: type as RelationshipType,
    sourceIds: [...new Set(references.map((r) => r.sourceId))],
    references,
    periodStart: period.start,
    periodEnd: period.end,
    scope,
  };
}

/**
 * `broader` names goods that exist, and no good is (through others) broader than itself.
 * `where(id)` says where an entity is written, for the messages.
 */
export function checkTaxonomy(entities: ReadonlyMap<string, KnownEntity & { id: string }>, where: (id: string) => string): string[] {
  const problems: string[] = [];
  for (const entity of entities.values()) {
    const broader = entity.broader ?? [];
    for (const [index, id] of broader.entries()) {
      const target = entities.get(id);
      if (!target) problems.push(`${where(entity.id)}.broader[${index}]: unknown entity "${id}"`);
      else if (!GOODS.includes(target.kind))
        problems.push(`${where(entity.id)}.broader[${index}]: "${id}" is a ${target.kind}, not a Commodity or Product`);
    }
    const seen = new Set<string>();
    const stack = [...broader];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === entity.id) {
        problems.push(`${where(entity.id)}.broader: "${entity.id}" ends up broader than itself`);
        break;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(entities.get(id)?.broader ?? []));
    }
  }
  return problems;
}

/** good id → itself and every good that is (transitively) a kind, form or grade of it. */
export function narrowerClosure(entities: ReadonlyMap<string, KnownEntity>): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const [id, e] of entities) for (const b of e.broader ?? []) children.set(b, [...(children.get(b) ?? []), id]);
  const out = new Map<string, string[]>();
  for (const id of entities.keys()) {
    const found = new Set<string>([id]);
    const stack = [id];
    while (stack.length > 0) {
      for (const c of children.get(stack.pop()!) ?? []) {
        if (found.has(c) || !entities.has(c)) continue;
        found.add(c);
        stack.push(c);
      }
    }
    out.set(id, [...found].sort());
  }
  return out;
}
