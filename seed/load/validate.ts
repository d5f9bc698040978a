/**
 * Validates the whole seed before anything is written and turns it into the rows the
 * writer stores. Every problem found is reported, each naming its file and key; one
 * problem means nothing is written. The rules for each record are src/domain/rules.ts,
 * the same the API's writes obey; this file adds the rules across the seed's files.
 */
import type { z } from 'zod';
import { nameKeys } from '../../src/db/names.js';
import {
  checkEntity,
  checkFact,
  checkOwnNames,
  checkSource,
  checkTaxonomy,
  type EntityRecord,
  type FactRecord,
  GOODS,
  kindOfId,
  narrowerClosure,
  namedIds,
  resolveScope,
  type SourceRecord,
  spellingKey,
  toFactRecord,
} from '../../src/domain/rules.js';
import { EntitySchema, FactFileSchema, FactSchema, RetractedFactSchema, SourceSchema } from '../../src/domain/schema.js';
import { RELATIONSHIP_TYPES } from '../vocabulary.js';
import type { ReferenceRow, ScopeRow } from '../../src/db/rows.js';
import type { RawFile, RawSeed } from './files.js';

export type SeedSource = SourceRecord;
export type SeedEntity = EntityRecord;
export type SeedFact = FactRecord;
/** One document's statement of a fact: its own wording and period. */
export type SeedReference = ReferenceRow;
/** A policy clause's scope with the fact's `to` placed in its dimension, ids only (stored as `scope*`). */
export type SeedScope = ScopeRow;

/** A retracted fact as the loader stores it: a RetractedFact node's properties, by retraction id. */
export interface SeedRetraction {
  retractionId: string;
  props: Record<string, unknown>;
}

export interface SeedGraph {
  sources: SeedSource[];
  entities: SeedEntity[];
  facts: SeedFact[];
  /** Facts retracted through the API (seed/retracted.yaml), in the file's order. */
  retracted: SeedRetraction[];
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
      // Every seed source is a document in shared/seeds/; curated ones may only have a URL.
      if (!source.file) problems.push(`${where}.file: required (the document in shared/seeds/)`);
      problems.push(...checkSource(source, where));
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
      const own = checkEntity(entity, file.kind, where);
      if (own.some((p) => p.startsWith(`${where}.id:`))) {
        problems.push(...own);
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
      problems.push(...checkOwnNames(entity, where));
      for (const [key, value] of [
        ['name', entity.name],
        ...entity.aliases.map((a, i) => [`aliases[${i}]`, a]),
      ] as [string, string][]) {
        const owner = names.get(spellingKey(value));
        if (owner && owner !== entity.id) {
          problems.push(`${where}.${key}: "${value}" is already the name or an alias of "${owner}"`);
        }
        names.set(spellingKey(value), entity.id);
      }
      problems.push(...own);
      entities.set(entity.id, { ...entity, kind: file.kind, sourceIds: [], where });
    }
  }

  problems.push(...checkFormerIds(entities));
  problems.push(...checkTaxonomy(entities, (id) => entities.get(id)!.where));
  const narrower = narrowerClosure(entities);
  const narrowerOf = (id: string) => narrower.get(id) ?? [id];

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
      const scope = resolveScope(fact, where, entities, narrowerOf, factProblems);
      if (factIds.has(fact.id))
        factProblems.push(`${where}.id: duplicate fact id "${fact.id}" (also in ${factIds.get(fact.id)})`);
      factIds.set(fact.id, where);
      if (factProblems.length > 0) {
        problems.push(...factProblems);
        continue;
      }
      const record = toFactRecord(fact, fileSource, scope);
      facts.push(record);
      for (const id of namedIds(record)) {
        const entity = entities.get(id);
        if (entity) for (const s of record.sourceIds) if (!entity.sourceIds.includes(s)) entity.sourceIds.push(s);
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

  const retracted = raw.retracted ? readRetracted(raw.retracted, problems) : [];

  if (problems.length > 0) throw new SeedValidationError(problems);
  return {
    sources,
    entities: [...entities.values()].map(({ where: _where, ...entity }) => ({
      ...entity,
      sourceIds: entity.sourceIds.sort(),
      ...(GOODS.includes(entity.kind) && { narrower: narrower.get(entity.id) ?? [entity.id] }),
    })),
    facts,
    retracted,
  };
}

/**
 * A merged id belongs to one survivor of its kind, and no entity of the seed has it: a
 * merged entity is gone, and its id only redirects.
 */
function checkFormerIds(entities: Map<string, SeedEntity & { where: string }>): string[] {
  const problems: string[] = [];
  const survivorOf = new Map<string, string>();
  for (const entity of entities.values()) {
    for (const [index, former] of (entity.formerIds ?? []).entries()) {
      const where = `${entity.where}.formerIds[${index}]`;
      if (entities.has(former)) problems.push(`${where}: "${former}" is an entity of the seed, so it cannot also be a merged id`);
      else if (kindOfId(former) !== entity.kind) problems.push(`${where}: "${former}" is not a ${entity.kind} id; only entities of one kind merge`);
      else if (survivorOf.has(former) && survivorOf.get(former) !== entity.id) problems.push(`${where}: "${former}" is already a merged id of "${survivorOf.get(former)}"`);
      survivorOf.set(former, entity.id);
    }
  }
  return problems;
}

/** seed/retracted.yaml: each retraction once, of a known relationship type. */
function readRetracted(file: RawFile, problems: string[]): SeedRetraction[] {
  if (!Array.isArray(file.data)) {
    problems.push(`${file.path}: must be a list of retracted facts`);
    return [];
  }
  const rows: SeedRetraction[] = [];
  const seen = new Set<string>();
  for (const [index, item] of file.data.entries()) {
    const where = `${file.path}: [${index}]${isRecord(item) && item.id ? ` "${String(item.id)}"` : ''}`;
    const parsed = RetractedFactSchema.safeParse(item);
    if (!parsed.success) {
      problems.push(...zodProblems(where, parsed.error));
      continue;
    }
    const { id, type, from, to, retractedAt, retractedBy, reason, fact } = parsed.data;
    if (!Object.hasOwn(RELATIONSHIP_TYPES, type)) problems.push(`${where}.type: unknown relationship type "${type}"`);
    if (seen.has(id)) problems.push(`${where}.id: duplicate retraction id "${id}"`);
    seen.add(id);
    rows.push({ retractionId: id, props: { ...fact, retractionId: id, type, from, to, retractedAt, retractedBy, retractionReason: reason } });
  }
  return rows;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
