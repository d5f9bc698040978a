/**
 * The shapes of the seed files, field by field (see seed/README.md). Cross-record rules
 * (ids exist, kinds fit the relationship, names are unique) live in validate.ts.
 */
import { z } from 'zod';
import { CHANGE_BASES, METRICS, NATURES, SOURCE_KINDS, UNITS } from '../vocabulary.js';

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const entityId = /^[a-z]+:[a-z0-9]+(-[a-z0-9]+)*$/;

const text = z.string().trim().min(1);
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
  id: z.string().regex(kebab, 'must be kebab-case'),
  file: text,
  publisher: text,
  title: text,
  titleAssigned: z.boolean().default(false),
  date: yamlDate.nullable(),
  dateNote: text.nullable().optional(),
  kind: enumOf(SOURCE_KINDS, 'source kind'),
});
export type SourceRow = z.infer<typeof SourceSchema>;

export const EntitySchema = z.strictObject({
  id: z.string().regex(entityId, 'must look like "<prefix>:<kebab-slug>"'),
  name: text,
  aliases: z.array(text).default([]),
  description: text,
  iso2: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be two capital letters')
    .optional(),
  reference: text.optional(),
  issuedOn: yamlDate.optional(),
  effectiveFrom: yamlDate.optional(),
  /** Policy: the last day it is in force, when the sources give one. */
  effectiveUntil: yamlDate.optional(),
  /** Commodity or Product: the broader goods it is a kind, form or grade of (a curated taxonomy). */
  broader: z.array(text).default([]),
});
export type EntityRow = z.infer<typeof EntitySchema>;

const unit = enumOf(UNITS, 'unit');

export const FactSchema = z.strictObject({
  id: z.string().regex(kebab, 'must be kebab-case'),
  type: text,
  from: text,
  to: text,
  period: periodText,
  claim: text,
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
  condition: text.optional(),
  /** Other documents stating the same fact, each with its own wording and period. */
  alsoStatedBy: z
    .array(z.strictObject({ source: text, claim: text, period: periodText.optional(), note: text.optional() }))
    .default([]),
  /** RESTRICTS and APPLIES_TO: what the policy covers (see schema/MODEL.md, "Policies and exposure"). */
  scope: z
    .strictObject({
      items: z.array(text).default([]),
      origins: z.array(text).default([]),
      destinations: z.array(text).default([]),
      endUsers: z.array(text).default([]),
      sectors: z.array(text).default([]),
    })
    .optional(),
  note: text.optional(),
});
export type FactRow = z.infer<typeof FactSchema>;

export const FactFileSchema = z.strictObject({
  source: text,
  facts: z.array(z.unknown()),
});
