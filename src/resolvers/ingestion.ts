/**
 * Documents taken in and their proposals (src/curation/ingestion.ts). Proposals are
 * unreviewed, so reading them needs the curator role too: a reader must not see what a
 * curator has not accepted.
 */
import { CURATOR_ROLE } from '../auth.js';
import type { Context } from '../context.js';
import { acceptProposal, type DocumentInput, ingestDocument, type ProposalEdits, rejectProposal } from '../curation/ingestion.js';
import { type WriteOptions } from '../curation/writes.js';
import { type Props, proposals, storedDocument } from '../db/curation.js';
import { AppError, ErrorCode } from '../errors.js';
import type { Resolvers } from '../generated/resolvers.js';
import { checkInt } from '../limits.js';
import { labelToKind } from './entity.js';

/** The curator asking, or UNAUTHENTICATED / FORBIDDEN. */
function curator(ctx: Context): string {
  const { principal, error } = ctx.auth;
  if (error) throw error;
  if (!principal) throw new AppError(ErrorCode.UNAUTHENTICATED, 'Documents and proposals are for curators: send "Authorization: Bearer <API key or JWT>".');
  if (!principal.roles.includes(CURATOR_ROLE)) throw new AppError(ErrorCode.FORBIDDEN, `"${principal.name}" may not review proposals: that needs the ${CURATOR_ROLE} role.`);
  return principal.name;
}

const writeOptions = (ctx: Context, args: { dryRun?: boolean | null; idempotencyKey?: string | null }): WriteOptions => ({
  actor: curator(ctx),
  dryRun: args.dryRun ?? false,
  idempotencyKey: args.idempotencyKey ?? ctx.idempotencyKey,
});

const payloadOf = (p: Props) => JSON.parse(String(p.payload ?? '{}')) as Record<string, unknown>;
const entityOf = async (id: unknown, ctx: Context) => (typeof id === 'string' ? ctx.loaders.entity.load(id) : null);

export const ingestionResolvers: Resolvers = {
  Mutation: {
    ingestDocument: (_parent, args, ctx) => ingestDocument(ctx.db, args.input as DocumentInput, writeOptions(ctx, args)) as never,
    acceptProposal: (_parent, args, ctx) => acceptProposal(ctx.db, args.id, (args.edits ?? {}) as ProposalEdits, writeOptions(ctx, args)) as never,
    rejectProposal: (_parent, args, ctx) => rejectProposal(ctx.db, args.id, args.reason, writeOptions(ctx, args)) as never,
  },
  Query: {
    proposals: async (_parent, args, ctx) => {
      curator(ctx);
      const limit = checkInt('first', args.first ?? 50, { min: 1, max: 200 });
      return (await proposals(ctx.db, args.status ?? null, args.sourceId ?? null, limit)) as never;
    },
    document: async (_parent, { sourceId }, ctx) => {
      curator(ctx);
      const found = await storedDocument(ctx.db, sourceId);
      if (!found) return null;
      const ids = (found.mentionIds as string[]) ?? [];
      return {
        sourceId,
        text: String(found.text),
        receivedAt: String(found.receivedAt),
        receivedBy: String(found.receivedBy),
        mentions: ids.map((entityId, i) => ({
          entityId,
          text: String((found.mentionTexts as string[])[i]),
          start: Number((found.mentionStarts as number[])[i]),
          end: Number((found.mentionEnds as number[])[i]),
        })),
      };
    },
  },
  Ingestion: {
    source: (r) => r.source ?? null,
    mentions: (r) => (r.document?.mentions ?? []) as never,
    proposals: (r) => r.document?.proposals ?? [],
  },
  ProposalDecision: {
    proposal: (r) => r.proposal ?? null,
    entity: (r) => r.entity ?? null,
    relationship: (r) => r.relationship ?? null,
  },
  ProposedFigure: {
    // Proposals stored before figures kept more than one change have none.
    otherChanges: (f) => f.otherChanges ?? [],
  },
  IngestedDocument: {
    source: async (d, _args, ctx) => (await ctx.loaders.source.load(d.sourceId))!,
  },
  Mention: {
    entity: async (m, _args, ctx) => (await ctx.loaders.entity.load(m.entityId))!,
  },
  Proposal: {
    id: (p: Props) => String(p.id),
    kind: (p: Props) => p.kind as never,
    status: (p: Props) => p.status as never,
    source: async (p: Props, _args, ctx) => (await ctx.loaders.source.load(String(p.sourceId)))!,
    passage: (p: Props) => String(p.passage),
    passageStart: (p: Props) => Number(p.passageStart),
    passageEnd: (p: Props) => Number(p.passageEnd),
    start: (p: Props) => Number(p.start),
    end: (p: Props) => Number(p.end),
    name: (p: Props) => (payloadOf(p).name as string | undefined) ?? null,
    entityKind: (p: Props) => {
      const kind = payloadOf(p).entityKind as string | undefined;
      return kind ? (labelToKind(kind as never) as never) : null;
    },
    suggestedId: (p: Props) => String(payloadOf(p).suggestedId),
    factType: (p: Props) => (payloadOf(p).factType as never) ?? null,
    from: (p: Props, _args, ctx) => entityOf((payloadOf(p).from as { entityId?: string } | null)?.entityId, ctx) as never,
    fromNewName: (p: Props) => (payloadOf(p).from as { newName?: string } | null)?.newName ?? null,
    to: (p: Props, _args, ctx) => entityOf((payloadOf(p).to as { entityId?: string } | null)?.entityId, ctx) as never,
    figure: (p: Props) => (payloadOf(p).figure as never) ?? null,
    period: (p: Props) => (payloadOf(p).period as string | null) ?? null,
    nature: (p: Props) => (payloadOf(p).nature as never) ?? null,
    reviewNote: (p: Props) => (payloadOf(p).reviewNote as string | null | undefined) ?? null,
    decidedAt: (p: Props) => (p.decidedAt as string | null) ?? null,
    decidedBy: (p: Props) => (p.decidedBy as string | null) ?? null,
    note: (p: Props) => (p.note as string | null) ?? null,
    resultId: (p: Props) => (p.resultId as string | null) ?? null,
  },
};
