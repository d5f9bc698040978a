/**
 * Curators' writes and their history: the resolvers check who asks (the auth plugin has
 * already refused anyone without the curator role) and pass the arguments to
 * src/curation/writes.ts, which validates and writes in one transaction.
 */
import type { Context } from '../context.js';
import { assertFact, type FactInput, mergeEntities, retractFact, upsertEntity, upsertSource, type WriteOptions } from '../curation/writes.js';
import { changesOf, mergedInto, type Props, retractedFacts } from '../db/curation.js';
import { AppError, ErrorCode } from '../errors.js';
import type { RelationshipType, Resolvers } from '../generated/resolvers.js';
import { checkInt } from '../limits.js';

/** The write's options: its curator, dry run, and key (the argument, else the header). */
function writeOptions(ctx: Context, args: { dryRun?: boolean | null; idempotencyKey?: string | null }): WriteOptions {
  const principal = ctx.auth.principal;
  if (!principal) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Writes need a curator token.');
  return { actor: principal.name, dryRun: args.dryRun ?? false, idempotencyKey: args.idempotencyKey ?? ctx.idempotencyKey };
}

const text = (value: unknown) => (value === null || value === undefined ? '' : String(value));

export const curationResolvers: Resolvers = {
  Mutation: {
    upsertSource: (_parent, args, ctx) => upsertSource(ctx.db, args.input, writeOptions(ctx, args)),
    upsertEntity: (_parent, args, ctx) => upsertEntity(ctx.db, args.input, writeOptions(ctx, args)),
    assertFact: (_parent, args, ctx) => assertFact(ctx.db, args.input as FactInput, writeOptions(ctx, args)),
    retractFact: (_parent, args, ctx) => retractFact(ctx.db, args.id, args.reason, writeOptions(ctx, args)),
    mergeEntities: (_parent, args, ctx) => mergeEntities(ctx.db, args.survivor, args.merged, writeOptions(ctx, args)),
  },
  Query: {
    history: async (_parent, { id, first }, { db }) => {
      const limit = checkInt('first', first ?? 50, { min: 1, max: 200 });
      // An entity id merged away answers its survivor's history (which includes its own).
      const current = await mergedInto(db, id);
      const ids = [current.id, ...current.merged];
      return (await changesOf(db, ids, limit)) as never;
    },
    retractedFacts: async (_parent, { first }, { db }) => retractedFacts(db, null, checkInt('first', first ?? 20, { min: 1, max: 100 })),
  },
  SourceWrite: {
    source: (r) => r.source ?? null,
  },
  EntityWrite: {
    entity: (r) => r.entity ?? null,
  },
  FactWrite: {
    relationship: (r) => r.relationship ?? null,
    retracted: (r) => r.retracted ?? null,
  },
  RetractedFact: {
    id: (p: Props) => text(p.id),
    type: (p: Props) => text(p.type) as RelationshipType,
    fromId: (p: Props) => text(p.from),
    toId: (p: Props) => text(p.to),
    claim: (p: Props) => text(p.claim),
    properties: (p: Props) => JSON.stringify(p),
    retractedAt: (p: Props) => text(p.retractedAt),
    retractedBy: (p: Props) => text(p.retractedBy),
    reason: (p: Props) => text(p.retractionReason),
  },
  ChangeRecord: {
    fields: (c) => c.fields ?? [],
  },
};
