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
  RELATIONSHIP_TYPES,
  type RelationshipRule,
  type RelationshipType,
} from '../vocabulary.js';
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
}

export interface SeedFact extends Omit<FactRow, 'type' | 'alsoSources'> {
  type: RelationshipType;
  /** The fact file's source first, then `alsoSources`. */
  sourceIds: string[];
  periodStart: string;
  periodEnd: string;
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
        for (const key of ['issuedOn', 'effectiveFrom'] as const) {
          const value = entity[key];
          if (value !== undefined && !isIsoDate(value))
            problems.push(`${where}.${key}: must be a date like 2026-01-01`);
        }
      }
      entities.set(entity.id, { ...entity, kind: file.kind, sourceIds: [], where });
    }
  }

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
      if (factIds.has(fact.id))
        factProblems.push(`${where}.id: duplicate fact id "${fact.id}" (also in ${factIds.get(fact.id)})`);
      factIds.set(fact.id, where);
      if (factProblems.length > 0) {
        problems.push(...factProblems);
        continue;
      }
      const period = parsePeriod(fact.period)!;
      const { alsoSources, type, ...rest } = fact;
      const cited = [fileSource, ...alsoSources.filter((s) => s !== fileSource)];
      facts.push({
        ...rest,
        type: type as RelationshipType,
        sourceIds: cited,
        periodStart: period.start,
        periodEnd: period.end,
      });
      for (const id of [fact.from, fact.to, fact.item]) {
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
      for (const key of ['from', 'to', 'item']) if (typeof item[key] === 'string') referenced.add(item[key]);
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
  if ((fact.change || fact.share || fact.bound || fact.approximate) && !fact.quantity) {
    problems.push(
      `${where}: change, share, bound and approximate qualify a quantity, and this fact has none`,
    );
  }
  if (!parsePeriod(fact.period)) {
    problems.push(
      `${where}.period: "${fact.period}" is not a period (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn or start/end)`,
    );
  }
  for (const [index, id] of fact.alsoSources.entries()) {
    if (!sourceIds.has(id)) problems.push(`${where}.alsoSources[${index}]: unknown source "${id}"`);
    if (id === fileSource)
      problems.push(`${where}.alsoSources[${index}]: "${id}" is already this file's source`);
  }
  return problems;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
