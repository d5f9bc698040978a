/**
 * Validates the whole seed before anything is written and turns it into the rows the
 * writer stores. Every problem found is reported, each naming its file and key; one
 * problem means nothing is written.
 */
import type { z } from 'zod';
import {
  ENTITY_KINDS,
  type EntityKind,
  ID_PREFIX,
  METRICS,
  RELATIONSHIP_TYPES,
  type RelationshipRule,
  type RelationshipType,
} from '../vocabulary.js';
import type { ReferenceRow, ScopeRow } from '../../src/db/rows.js';
import { nameKeys } from '../../src/db/names.js';
import type { RawSeed } from './files.js';
import { isIsoDate, parsePeriod } from './period.js';
import {
  type EntityRow,
  EntitySchema,
  FactFileSchema,
  type FactRow,
  FactSchema,
  type SourceRow,
  SourceSchema,
} from './schema.js';

export type SeedSource = SourceRow;

export interface SeedEntity extends EntityRow {
  kind: EntityKind;
  /** The sources of the facts the entity takes part in. */
  sourceIds: string[];
  /** Commodity or Product: itself and every good that is (transitively) a kind, form or grade of it. */
  narrower?: string[];
}

/** One document's statement of a fact: its own wording and period. */
export type SeedReference = ReferenceRow;

/** A policy clause's scope with the fact's `to` placed in its dimension, ids only (stored as `scope*`). */
export type SeedScope = ScopeRow;

export interface SeedFact extends Omit<FactRow, 'type' | 'alsoStatedBy' | 'scope'> {
  type: RelationshipType;
  /** The fact file's source first, then the sources of `alsoStatedBy`. */
  sourceIds: string[];
  /** Every statement of the fact, the fact file's own first. */
  references: SeedReference[];
  periodStart: string;
  /** Null when the period is open-ended (in force from its start on). */
  periodEnd: string | null;
  scope: SeedScope | null;
}

export interface SeedGraph {
  sources: SeedSource[];
  entities: SeedEntity[];
  facts: SeedFact[];
}

export class SeedValidationError extends Error {
  override name = 'SeedValidationError';
  constructor(readonly problems: string[]) {
    super(
      `the seed has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was written:\n` +
        problems.map((p) => `  - ${p}`).join('\n'),
    );
  }
}

const KIND_BY_PREFIX = new Map(ENTITY_KINDS.map((kind) => [ID_PREFIX[kind], kind] as const));

function zodProblems(where: string, error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const key = issue.path.length > 0 ? `.${issue.path.join('.')}` : '';
    return `${where}${key}: ${issue.message}`;
  });
}

export function validateSeed(raw: RawSeed): SeedGraph {
  const problems: string[] = [];

  // Sources
  const sources: SeedSource[] = [];
  const sourceIds = new Set<string>();
  if (!Array.isArray(raw.sources.data)) {
    problems.push(`${raw.sources.path}: must be a list of sources`);
  } else {
    for (const [index, item] of raw.sources.data.entries()) {
      const where = `${raw.sources.path}: [${index}]${isRecord(item) && item.id ? ` "${String(item.id)}"` : ''}`;
      const parsed = SourceSchema.safeParse(item);
      if (!parsed.success) {
        problems.push(...zodProblems(where, parsed.error));
        continue;
      }
      const source = parsed.data;
      if (sourceIds.has(source.id)) problems.push(`${where}.id: duplicate source id "${source.id}"`);
      if (source.date !== null && !isIsoDate(source.date)) {
        problems.push(`${where}.date: must be a date like 2025-09-16 or null, got "${source.date}"`);
      }
      if (source.date === null && !source.dateNote) {
        problems.push(
          `${where}.dateNote: required when date is null (say what is known of when it was written)`,
        );
      }
      sourceIds.add(source.id);
      sources.push(source);
    }
  }

  // Entities
  const entities = new Map<string, SeedEntity & { where: string }>();
  const names = new Map<string, string>();
  const keyOwners = new Map<string, string>();
  for (const file of raw.entityFiles) {
    if (!Array.isArray(file.data)) {
      problems.push(`${file.path}: must be a list of entities`);
      continue;
    }
    for (const [index, item] of file.data.entries()) {
      const where = `${file.path}: [${index}]${isRecord(item) && item.id ? ` "${String(item.id)}"` : ''}`;
      const parsed = EntitySchema.safeParse(item);
      if (!parsed.success) {
        problems.push(...zodProblems(where, parsed.error));
        continue;
      }
      const entity = parsed.data;
      const prefix = entity.id.split(':')[0]!;
      if (KIND_BY_PREFIX.get(prefix) !== file.kind) {
        problems.push(
          `${where}.id: a ${file.kind} id must start with "${ID_PREFIX[file.kind]}:", got "${entity.id}"`,
        );
        continue;
      }
      if (entities.has(entity.id)) {
        problems.push(
          `${where}.id: duplicate entity id "${entity.id}" (also in ${entities.get(entity.id)!.where})`,
        );
        continue;
      }
      for (const key of nameKeys([entity.name, ...entity.aliases])) {
        const owner = keyOwners.get(key);
        // A plain clash of names is reported below, once; this catches the subtler ones.
        if (owner && owner !== entity.id && !names.has(key))
          problems.push(`${where}.name: "${key}" (a name or alias without case, punctuation or a suffix such as Limited) already finds "${owner}"`);
        keyOwners.set(key, entity.id);
      }
      for (const [key, value] of [
        ['name', entity.name],
        ...entity.aliases.map((a, i) => [`aliases[${i}]`, a]),
      ] as [string, string][]) {
        const normalised = value.toLowerCase().replace(/\s+/g, ' ');
        const owner = names.get(normalised);
        if (owner && owner !== entity.id) {
          problems.push(`${where}.${key}: "${value}" is already the name or an alias of "${owner}"`);
        } else if (owner === entity.id && key !== 'name') {
          problems.push(
            `${where}.${key}: "${value}" repeats the entity's own name or another of its aliases`,
          );
        }
        names.set(normalised, entity.id);
      }
      if (file.kind === 'Policy') {
        for (const key of ['issuedOn', 'effectiveFrom', 'effectiveUntil'] as const) {
          const value = entity[key];
          if (value !== undefined && !isIsoDate(value))
            problems.push(`${where}.${key}: must be a date like 2026-01-01`);
        }
        if (entity.effectiveFrom && entity.effectiveUntil && entity.effectiveUntil < entity.effectiveFrom)
          problems.push(`${where}.effectiveUntil: ends before effectiveFrom`);
      } else if (entity.effectiveUntil !== undefined) {
        problems.push(`${where}.effectiveUntil: only a Policy has one`);
      }
      if (entity.broader.length > 0 && !GOODS.includes(file.kind))
        problems.push(`${where}.broader: only a Commodity or Product belongs to broader goods`);
      entities.set(entity.id, { ...entity, kind: file.kind, sourceIds: [], where });
    }
  }

  problems.push(...checkTaxonomy(entities));
  const narrower = narrowerClosure(entities);

  // Facts
  const facts: SeedFact[] = [];
  const factIds = new Map<string, string>();
  for (const file of raw.factFiles) {
    const parsedFile = FactFileSchema.safeParse(file.data);
    if (!parsedFile.success) {
      problems.push(...zodProblems(file.path, parsedFile.error));
      continue;
    }
    const fileSource = parsedFile.data.source;
    if (!sourceIds.has(fileSource))
      problems.push(`${file.path}: source: unknown source "${fileSource}" (not in sources.yaml)`);
    for (const [index, item] of parsedFile.data.facts.entries()) {
      const where = `${file.path}: facts[${index}]${isRecord(item) && item.id ? ` "${String(item.id)}"` : ''}`;
      const parsed = FactSchema.safeParse(item);
      if (!parsed.success) {
        problems.push(...zodProblems(where, parsed.error));
        continue;
      }
      const fact = parsed.data;
      const factProblems = checkFact(fact, where, entities, sourceIds, fileSource);
      const scope = resolveScope(fact, where, entities, narrower, factProblems);
      if (factIds.has(fact.id))
        factProblems.push(`${where}.id: duplicate fact id "${fact.id}" (also in ${factIds.get(fact.id)})`);
      factIds.set(fact.id, where);
      if (factProblems.length > 0) {
        problems.push(...factProblems);
        continue;
      }
      const period = parsePeriod(fact.period)!;
      const { alsoStatedBy, type, scope: _scope, ...rest } = fact;
      const statement = (sourceId: string, claim: string, text: string, note: string | undefined): SeedReference => {
        const range = parsePeriod(text)!;
        return { sourceId, claim, period: text, periodStart: range.start, periodEnd: range.end, note: note ?? null };
      };
      const references = [
        statement(fileSource, fact.claim, fact.period, fact.note),
        ...alsoStatedBy.map((r) => statement(r.source, r.claim, r.period ?? fact.period, r.note)),
      ];
      const cited = [...new Set(references.map((r) => r.sourceId))];
      facts.push({
        ...rest,
        type: type as RelationshipType,
        sourceIds: cited,
        references,
        periodStart: period.start,
        periodEnd: period.end,
        scope,
      });
      const scoped = scope ? [...scope.items, ...scope.origins, ...scope.destinations, ...scope.endUsers, ...scope.sectors] : [];
      for (const id of [fact.from, fact.to, fact.item, fact.measuredBy, ...scoped]) {
        const entity = id === undefined ? undefined : entities.get(id);
        if (entity) for (const s of cited) if (!entity.sourceIds.includes(s)) entity.sourceIds.push(s);
      }
    }
  }

  // Entities named by any fact, valid or not: a rejected fact is reported once, not
  // again as "takes part in no fact" for each entity it names.
  const referenced = new Set<string>();
  for (const file of raw.factFiles) {
    const list = isRecord(file.data) && Array.isArray(file.data.facts) ? file.data.facts : [];
    for (const item of list) {
      if (!isRecord(item)) continue;
      for (const key of ['from', 'to', 'item', 'measuredBy']) if (typeof item[key] === 'string') referenced.add(item[key]);
      if (isRecord(item.scope))
        for (const list of Object.values(item.scope)) if (Array.isArray(list)) list.forEach((id) => typeof id === 'string' && referenced.add(id));
    }
  }
  for (const entity of entities.values()) {
    if (entity.sourceIds.length === 0 && !referenced.has(entity.id)) {
      problems.push(`${entity.where}: entity "${entity.id}" takes part in no fact; link it or remove it`);
    }
  }

  if (problems.length > 0) throw new SeedValidationError(problems);
  return {
    sources,
    entities: [...entities.values()].map(({ where: _where, ...entity }) => ({
      ...entity,
      sourceIds: entity.sourceIds.sort(),
      ...(GOODS.includes(entity.kind) && { narrower: narrower.get(entity.id) ?? [entity.id] }),
    })),
    facts,
  };
}

function checkFact(
  fact: FactRow,
  where: string,
  entities: Map<string, SeedEntity>,
  sourceIds: Set<string>,
  fileSource: string,
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
    problems.push(
      `${where}.to: a ${fact.type} fact cannot link "${fact.from}" to itself (only HAS_METRIC can)`,
    );
  }
  if (fact.item !== undefined) {
    const item = entities.get(fact.item);
    if (!item) problems.push(`${where}.item: unknown entity "${fact.item}"`);
    else if (!['Commodity', 'Product', 'Technology'].includes(item.kind)) {
      problems.push(
        `${where}.item: must be a Commodity, Product or Technology, "${fact.item}" is a ${item.kind}`,
      );
    }
  } else if (rule.item === 'required') {
    problems.push(`${where}.item: ${fact.type} must name the commodity or product it concerns`);
  }
  if (rule.item === undefined && fact.item !== undefined && fact.type !== 'LICENSES_TO') {
    problems.push(`${where}.item: ${fact.type} does not take an item`);
  }
  if (rule.quantity === 'required' && !fact.quantity)
    problems.push(`${where}.quantity: ${fact.type} needs a quantity`);
  if (rule.quantity === undefined && fact.quantity)
    problems.push(`${where}.quantity: ${fact.type} does not take a quantity`);
  if (rule.metric === 'required' && !fact.metric)
    problems.push(`${where}.metric: ${fact.type} must name the metric it measures`);
  if (fact.metric && fact.quantity) {
    const units: readonly string[] = METRICS[fact.metric as keyof typeof METRICS].units;
    if (!units.includes(fact.quantity.unit))
      problems.push(`${where}.quantity.unit: a ${fact.metric} figure is in ${units.join(' or ')}, not ${fact.quantity.unit}`);
  }
  if ((fact.change || fact.bound || fact.approximate || fact.measuredBy || fact.metric) && !fact.quantity) {
    problems.push(
      `${where}: change, bound, approximate, metric and measuredBy qualify a quantity, and this fact has none`,
    );
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
    if (ref.source === fileSource) problems.push(`${at}.source: "${ref.source}" is already this file's source`);
    else if (stated.has(ref.source)) problems.push(`${at}.source: "${ref.source}" states this fact twice`);
    stated.add(ref.source);
    if (ref.period !== undefined && !parsePeriod(ref.period)) problems.push(`${at}.period: "${ref.period}" is not a period`);
  }
  return problems;
}

const GOODS: readonly EntityKind[] = ['Commodity', 'Product'];
const PLACES: readonly EntityKind[] = ['Country', 'Region'];

/** `broader` names goods that exist, and no good is (through others) broader than itself. */
function checkTaxonomy(entities: Map<string, SeedEntity & { where: string }>): string[] {
  const problems: string[] = [];
  for (const entity of entities.values()) {
    for (const [index, id] of entity.broader.entries()) {
      const target = entities.get(id);
      if (!target) problems.push(`${entity.where}.broader[${index}]: unknown entity "${id}"`);
      else if (!GOODS.includes(target.kind))
        problems.push(`${entity.where}.broader[${index}]: "${id}" is a ${target.kind}, not a Commodity or Product`);
    }
    const seen = new Set<string>();
    const stack = [...entity.broader];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === entity.id) {
        problems.push(`${entity.where}.broader: "${entity.id}" ends up broader than itself`);
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
function narrowerClosure(entities: Map<string, SeedEntity>): Map<string, string[]> {
  const children = new Map<string, string[]>();
  for (const e of entities.values()) for (const b of e.broader) children.set(b, [...(children.get(b) ?? []), e.id]);
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

/**
 * The scope of a RESTRICTS or APPLIES_TO fact, with its `to` placed by kind: goods are
 * items, a sector is a sector, a company, organisation or project is bound by name, and a
 * place must be listed as an origin or a destination (it cannot be guessed which).
 * SUBJECT_TO facts bind their `from` by name. Other facts have no scope.
 */
function resolveScope(
  fact: FactRow,
  where: string,
  entities: Map<string, SeedEntity>,
  narrower: Map<string, string[]>,
  problems: string[],
): SeedScope | null {
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
  const unique = (ids: string[]) => [...new Set(ids)].sort();
  const items = unique(scope.items);
  return {
    items,
    coveredItems: unique(items.flatMap((id) => narrower.get(id) ?? [id])),
    origins: unique(scope.origins),
    destinations: unique(scope.destinations),
    endUsers: unique(scope.endUsers),
    sectors: unique(scope.sectors),
    subjects: unique(scope.subjects),
  };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
