/** Search, lookup by name, and the paged lists of entities, facts and trade figures. */
import type { Context } from '../context.js';
import {
  entityByName,
  listEntities,
  listRelationships,
  NO_RELATIONSHIP_FILTER,
  type RelationshipPage,
  search,
  searchFacts,
} from '../db/catalog.js';
import type { EdgeRow, EntityRow, PageRow, RelationshipRow } from '../db/rows.js';
import { badInput } from '../errors.js';
import type { Resolvers, TradeMeasure } from '../generated/resolvers.js';
import { checkInt, LIMITS } from '../limits.js';
import { cursorFor, offsetAfter } from '../pagination.js';
import type { RelationshipType } from '../../seed/vocabulary.js';
import { checkIds, GOODS_KINDS, type IdArgument, ITEM_KINDS, periodArgs, PLACE_KINDS, readCheckingIds } from './args.js';
import { kindToLabel } from './entity.js';
import { prefetchLinks } from './prefetch.js';
import { readsBelow, selectsOwnField, selectsPath } from './selection.js';

const MAX_SEARCH_LENGTH = 200;

/** A search text: not empty, not too long. */
function searchText(query: string): string {
  const text = query.trim();
  if (text === '') throw badInput('query', 'must not be empty');
  if (text.length > MAX_SEARCH_LENGTH) throw badInput('query', `must be at most ${MAX_SEARCH_LENGTH} characters`);
  return text;
}

const edges = <T>(page: PageRow<T>): EdgeRow<T>[] =>
  page.items.map((node, i) => ({ cursor: cursorFor(page.offset + i), node }));

const connection = {
  totalCount: (page: PageRow<unknown>) => {
    // A list counts when the selection shows totalCount (selectsOwnField): never unasked.
    if (page.totalCount === null) throw new Error('a page resolved totalCount without counting');
    return page.totalCount;
  },
  pageInfo: (page: PageRow<unknown>) => ({
    hasNextPage: page.hasNextPage,
    endCursor: page.items.length > 0 ? cursorFor(page.offset + page.items.length - 1) : null,
  }),
};

/** Which relationship types each trade measure covers, seen from the place (relationships/list.cypher names them all). */
export const MEASURES: Record<TradeMeasure, { own: RelationshipType[]; inflow: RelationshipType[]; outflow: RelationshipType[] }> = {
  PRODUCTION: { own: ['PRODUCES'], inflow: [], outflow: [] },
  CAPACITY: { own: ['HAS_CAPACITY'], inflow: [], outflow: [] },
  // Exports of P: what P reports shipping, and what others report importing from P.
  EXPORTS: { own: ['EXPORTS', 'EXPORTS_TO'], inflow: [], outflow: ['IMPORTS_FROM'] },
  // Imports of P: what P reports bringing in, and what others report shipping to P.
  IMPORTS: { own: ['IMPORTS', 'IMPORTS_FROM'], inflow: ['EXPORTS_TO'], outflow: [] },
};


/** What a page of facts reads along below it, and how slim (selection.ts, readsBelow). */
function pageReads(info: Parameters<typeof readsBelow>[0]) {
  const { ends, sources, fact, slimEntity } = readsBelow(info);
  return { withEnds: ends, withSources: sources, fact, slimEntity };
}

/** Keeps what a page of facts brought along in the request's loaders: resolving it costs no round trip. */
function primeAlong({ loaders }: Context, page: RelationshipPage): PageRow<RelationshipRow> {
  // Slim ends answer only slim fields: never the entity loader (Loaders.slimEntity).
  if (page.slimEnds) for (const entity of page.ends) loaders.slimEntity.set(entity.id, entity);
  else for (const entity of page.ends) loaders.entity.prime(entity.id, entity);
  for (const source of page.sources) loaders.source.prime(source.id, source);
  return page;
}

export const catalogResolvers: Resolvers = {
  Query: {
    search: async (_parent, args, { db, loaders }) => {
      const text = searchText(args.query);
      const first = checkInt('first', args.first ?? 10, LIMITS.searchFirst);
      const kinds = args.kinds?.length ? args.kinds.map(kindToLabel) : null;
      const hits = await search(db, text, kinds, first);
      for (const hit of hits) if (hit.entity) loaders.entity.prime(hit.entityId, hit.entity);
      return hits;
    },
    searchFacts: async (_parent, args, { db }) => {
      const text = searchText(args.query);
      return searchFacts(db, text, checkInt('first', args.first ?? 10, LIMITS.searchFirst));
    },
    entityByName: async (_parent, { name }, ctx, info) => {
      const entity = await entityByName(ctx.db, name);
      if (!entity) return null;
      prefetchLinks(info, [entity.id], ctx);
      ctx.loaders.entity.prime(entity.id, entity);
      return entity;
    },
    entities: async (_parent, args, ctx, info) => {
      const { db, loaders } = ctx;
      const first = checkInt('first', args.first ?? 20, LIMITS.first);
      await checkIds(ctx, [{ argument: 'filter.sourceId', value: args.filter?.sourceId, names: 'source' }]);
      const page = await listEntities(db, {
        kinds: args.filter?.kinds?.length ? args.filter.kinds.map(kindToLabel) : null,
        nameContains: args.filter?.nameContains?.trim() || null,
        sourceId: args.filter?.sourceId ?? null,
        order: args.orderBy ?? 'NAME_ASC',
        offset: offsetAfter(args.after),
        limit: first,
        withTotal: selectsOwnField(info, 'totalCount'),
        withSources: selectsPath(info, ['edges', 'node', 'sources']),
      });
      for (const entity of page.items) loaders.entity.prime(entity.id, entity);
      for (const source of page.sources) loaders.source.prime(source.id, source);
      return page;
    },
    relationships: async (_parent, args, ctx, info) => {
      const first = checkInt('first', args.first ?? 20, LIMITS.first);
      const f = args.filter;
      const period = periodArgs(f?.period);
      const ids = [
        { argument: 'filter.entity', value: f?.entity, names: {} },
        { argument: 'filter.sourceId', value: f?.sourceId, names: 'source' },
        { argument: 'filter.item', value: f?.item, names: { kinds: ITEM_KINDS }, what: 'item' },
      ] satisfies IdArgument[];
      const page = await readCheckingIds(ctx, ids, ([entity, sourceId, item], check) =>
        listRelationships(ctx.db, {
          ...NO_RELATIONSHIP_FILTER,
          types: f?.types?.length ? f.types : null,
          entity: entity ?? null,
          sourceId: sourceId ?? null,
          item: item ?? null,
          hasFigure: f?.hasFigure ?? null,
          ...period,
          offset: offsetAfter(args.after),
          limit: first,
          ...pageReads(info),
          check,
        }),
      );
      return primeAlong(ctx, page);
    },
    tradeFigures: async (_parent, args, ctx, info) => {
      const first = checkInt('first', args.first ?? 50, LIMITS.first);
      const period = periodArgs(args.period);
      const ids = [
        { argument: 'place', value: args.place, names: { kinds: PLACE_KINDS }, what: 'place' },
        { argument: 'commodity', value: args.commodity, names: { kinds: GOODS_KINDS }, what: 'commodity' },
      ] satisfies IdArgument[];
      const measures = args.measures?.length ? args.measures : (Object.keys(MEASURES) as TradeMeasure[]);
      const own = [...new Set(measures.flatMap((m) => MEASURES[m].own))];
      const inflow = [...new Set(measures.flatMap((m) => MEASURES[m].inflow))];
      const outflow = [...new Set(measures.flatMap((m) => MEASURES[m].outflow))];
      const page = await readCheckingIds(ctx, ids, ([place, commodity], check) =>
        listRelationships(ctx.db, {
          ...NO_RELATIONSHIP_FILTER,
          types: [...new Set([...own, ...inflow, ...outflow])],
          item: commodity ?? null,
          hasFigure: true,
          ...period,
          place: place ? { id: place, own, inflow, outflow } : null,
          offset: offsetAfter(args.after),
          limit: first,
          ...pageReads(info),
          check,
        }),
      );
      return primeAlong(ctx, page);
    },
  },
  Source: {
    facts: (source, args, { loaders }) => {
      const first = checkInt('first', args.first ?? 20, LIMITS.first);
      return loaders.sourceFacts(offsetAfter(args.after), first).load(source.id);
    },
  },
  SearchHit: {
    entity: (hit, _args, { loaders }) => loaders.entity.present(hit.entityId, 'search hit'),
    match: (hit) => hit.match,
    matched: (hit) => hit.matched,
    score: (hit) => hit.score,
  },
  FactHit: {
    relationship: (hit) => hit.relationship,
    match: (hit) => hit.match,
    between: async (hit, _args, { loaders }) => (await loaders.entity.loadMany(hit.between)).filter((row): row is EntityRow => !!row && !(row instanceof Error)),
    score: (hit) => hit.score,
  },
  EntityConnection: { ...connection, edges: (page) => edges(page) },
  RelationshipConnection: { ...connection, edges: (page) => edges(page) },
};
