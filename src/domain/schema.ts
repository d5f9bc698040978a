/**
 * The shapes of sources, entities and facts, field by field: the same for a seed file
 * (seed/README.md) and a curator's write through the API. Rules across records (ids
 * exist, kinds fit the relationship, names are unique) are in rules.ts.
 */
import { z } from 'zod';
import { CHANGE_BASES, METRICS, NATURES, SOURCE_KINDS, UNITS } from '../../seed/vocabulary.js';

/** Longest texts accepted, in characters (the seed's longest are well under half of these). */
export const MAX_LENGTH = {
  id: 120,
  name: 200,
  aliases: 50,
  description: 2000,
  claim: 1000,
  note: 2000,
  condition: 500,
  title: 500,
  publisher: 200,
  reference: 200,
  url: 2000,
  file: 200,
  scopeIds: 100,
  statements: 20,
} as const;

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const entityId = /^[a-z]+:[a-z0-9]+(-[a-z0-9]+)*$/;

const text = z.string().trim().min(1);
const bounded = (max: number) => text.max(max, `must be at most ${max} characters`);
const yamlDate = z
  .union([z.string(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v));
// YAML reads 2025 as a number and 2025-09-16 as a date; periods are text either way.
const periodText = z
  .union([z.string(), z.number(), z.date()])
  .transform((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v)));

const enumOf = <T extends Record<string, unknown>>(values: T, what: string) =>
  z.string().refine((v) => Object.hasOwn(values, v), {
    error: (issue) =>
      `unknown ${what} "${String(issue.input)}" (expected one of ${Object.keys(values).join(', ')})`,
  });

export const SourceSchema = z.strictObject({
  id: z.string().max(MAX_LENGTH.id, `must be at most ${MAX_LENGTH.id} characters`).regex(kebab, 'must be kebab-case'),
  /** The document in shared/seeds/ (every seed source has one; a curated source may have a url instead). */
  file: bounded(MAX_LENGTH.file).optional(),
  /** Where the document was published, when known. */
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(MAX_LENGTH.url).optional(),
  publisher: bounded(MAX_LENGTH.publisher),
  title: bounded(MAX_LENGTH.title),
  titleAssigned: z.boolean().default(false),
  date: yamlDate.nullable(),
  dateNote: bounded(MAX_LENGTH.note).nullable().optional(),
  kind: enumOf(SOURCE_KINDS, 'source kind'),
});
export type SourceRow = z.infer<typeof SourceSchema>;

export const EntitySchema = z.strictObject({
  id: z.string().max(MAX_LENGTH.id, `must be at most ${MAX_LENGTH.id} characters`).regex(entityId, 'must look like "<prefix>:<kebab-slug>"'),
  name: bounded(MAX_LENGTH.name),
  aliases: z.array(bounded(MAX_LENGTH.name)).max(MAX_LENGTH.aliases, `at most ${MAX_LENGTH.aliases} aliases`).default([]),
  description: bounded(MAX_LENGTH.description),
  iso2: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be two capital letters')
    .optional(),
  reference: bounded(MAX_LENGTH.reference).optional(),
  issuedOn: yamlDate.optional(),
  effectiveFrom: yamlDate.optional(),
  /** Policy: the last day it is in force, when the sources give one. */
  effectiveUntil: yamlDate.optional(),
  /** Commodity or Product: the broader goods it is a kind, form or grade of (a curated taxonomy). */
  broader: z.array(text).max(MAX_LENGTH.scopeIds).default([]),
  /** Ids of entities merged into this one (mergeEntities): each keeps finding it. */
  formerIds: z.array(z.string().regex(entityId, 'must look like "<prefix>:<kebab-slug>"')).max(MAX_LENGTH.scopeIds).optional(),
});
export type EntityRow = z.infer<typeof EntitySchema>;

const unit = enumOf(UNITS, 'unit');

export const FactSchema = z.strictObject({
  id: z.string().max(MAX_LENGTH.id, `must be at most ${MAX_LENGTH.id} characters`).regex(kebab, 'must be kebab-case'),
  type: text,
  from: text,
  to: text,
  period: periodText,
  claim: bounded(MAX_LENGTH.claim),
  item: text.optional(),
  quantity: z.strictObject({ value: z.number(), unit }).optional(),
  metric: enumOf(METRICS, 'metric').optional(),
  /** The body or data provider that measured the figure, when the source names one. */
  measuredBy: text.optional(),
  change: z
    .strictObject({
      value: z.number(),
      unit: unit,
      basis: enumOf(CHANGE_BASES, 'change basis'),
      approximate: z.boolean().default(false),
    })
    .optional(),
  approximate: z.boolean().default(false),
  bound: z.enum(['AT_LEAST', 'AT_MOST']).optional(),
  nature: enumOf(NATURES, 'nature').default('REPORTED'),
  /** What must happen for the fact to hold; a conditional fact is never walked as a dependency. */
  condition: bounded(MAX_LENGTH.condition).optional(),
  /** Other documents stating the same fact, each with its own wording and period. */
  alsoStatedBy: z
    .array(
      z.strictObject({ source: text, claim: bounded(MAX_LENGTH.claim), period: periodText.optional(), note: bounded(MAX_LENGTH.note).optional() }),
    )
    .max(MAX_LENGTH.statements)
    .default([]),
  /** RESTRICTS and APPLIES_TO: what the policy covers (see schema/MODEL.md, "Policies and exposure"). */
  scope: z
    .strictObject({
      items: z.array(text).max(MAX_LENGTH.scopeIds).default([]),
      origins: z.array(text).max(MAX_LENGTH.scopeIds).default([]),
      destinations: z.array(text).max(MAX_LENGTH.scopeIds).default([]),
      endUsers: z.array(text).max(MAX_LENGTH.scopeIds).default([]),
      sectors: z.array(text).max(MAX_LENGTH.scopeIds).default([]),
    })
    .optional(),
  note: bounded(MAX_LENGTH.note).optional(),
});
export type FactRow = z.infer<typeof FactSchema>;

/** A stored value: what a Neo4j property of a fact can hold. */
const storedValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number(), z.boolean()]))]);

/**
 * A retracted fact as seed/retracted.yaml keeps it: the retraction (its id, when, by whom,
 * why) and the fact's ends and every property it had, as stored, so a reload restores
 * the history exactly. Its entities may since have been merged away, so the ends are
 * only checked for their shape.
 */
export const RetractedFactSchema = z.strictObject({
  id: text,
  type: text,
  from: z.string().regex(entityId, 'must look like "<prefix>:<kebab-slug>"'),
  to: z.string().regex(entityId, 'must look like "<prefix>:<kebab-slug>"'),
  retractedAt: z.iso.datetime({ offset: true, error: 'must be an ISO date and time' }),
  retractedBy: bounded(MAX_LENGTH.name),
  reason: bounded(MAX_LENGTH.note),
  fact: z.record(z.string(), storedValue).refine((props) => typeof props.id === 'string' && kebab.test(props.id), {
    error: 'must hold the fact\'s properties, its kebab-case id among them',
  }),
});
export type RetractedFactRow = z.infer<typeof RetractedFactSchema>;

export const FactFileSchema = z.strictObject({
  source: text,
  facts: z.array(z.unknown()),
});
