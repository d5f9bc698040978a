/**
 * A policy's dates and its scope, clause by clause (schema/MODEL.md, "Policies and
 * exposure"). The clauses are the facts the exposure questions check against.
 */
import type { Context } from '../context.js';
import { policyClauses } from '../db/exposure.js';
import type { EntityRow, RelationshipRow } from '../db/rows.js';
import type { Resolvers } from '../generated/resolvers.js';
import type { Nature } from '../../seed/vocabulary.js';

const entities = async ({ loaders }: Context, ids: readonly string[]): Promise<EntityRow[]> => {
  const rows = await loaders.entity.loadMany(ids);
  return rows.map((row, i) => {
    if (!row || row instanceof Error) throw new Error(`policy clause names missing entity ${ids[i]}`);
    return row;
  });
};

const dimension = (pick: (scope: NonNullable<RelationshipRow['scope']>) => string[]) => (row: RelationshipRow, _args: unknown, ctx: Context) =>
  entities(ctx, row.scope ? pick(row.scope) : []);

export const policyResolvers: Resolvers = {
  Policy: {
    effectiveUntil: (parent) => parent.effectiveUntil,
    scope: (parent, _args, ctx) => policyClauses(ctx.db, parent.id),
  },
  PolicyClause: {
    effect: (row) => row.type,
    items: dimension((s) => s.items),
    coveredItems: dimension((s) => s.coveredItems),
    origins: dimension((s) => s.origins),
    destinations: dimension((s) => s.destinations),
    endUsers: dimension((s) => s.endUsers),
    sectors: dimension((s) => s.sectors),
    subjects: dimension((s) => s.subjects),
    inForce: (row) => ({ text: row.period, start: row.periodStart, end: row.periodEnd }),
    nature: (row) => row.nature as Nature,
    evidence: (row) => row,
  },
};
