/**
 * A place's figures of one measure go through the branch of relationships/list that
 * expands only that measure's types (placeBranch, src/db/catalog.ts): on the seeded
 * graph its answer is exactly the answer of the branch over every measure's types, for
 * every measure and several places, with figures or any fact, whole pages with what
 * they read along.
 */
import { describe, expect, it } from 'vitest';
import { listRelationshipsQuery, NO_RELATIONSHIP_FILTER, type RelationshipListArgs } from '../src/db/catalog.js';
import { cypher, keepBranches } from '../src/db/cypher.js';
import { MEASURES } from '../src/resolvers/catalog.js';
import { useTestApi } from './support/api.js';

const t = useTestApi();

describe('trade figures: the one-measure branches', () => {
  it('answer as the branch over every measure does', async () => {
    const everyMeasure = keepBranches(cypher('relationships/list'), ['place']);
    const facts = new Map<string, number>();
    for (const place of ['country:china', 'region:europe', 'country:united-states', 'country:japan']) {
      for (const [measure, { own, inflow, outflow }] of Object.entries(MEASURES)) for (const hasFigure of [true, null]) {
        const args: RelationshipListArgs = {
          ...NO_RELATIONSHIP_FILTER,
          place: { id: place, own, inflow, outflow },
          hasFigure,
          offset: 0,
          limit: 500,
          withEnds: true,
          withSources: true,
        };
        const { query, params } = listRelationshipsQuery(args);
        expect(query.text, measure).not.toBe(everyMeasure.text);
        const [narrow] = await t.db.run(query, params);
        const [wide] = await t.db.run(everyMeasure, params);
        expect(narrow, `${place} ${measure} ${hasFigure}`).toEqual(wide);
        facts.set(measure, (facts.get(measure) ?? 0) + Number(narrow!.total));
      }
    }
    // Every measure had facts to compare somewhere (China's exports: 47).
    for (const measure of Object.keys(MEASURES)) expect(facts.get(measure), measure).toBeGreaterThan(0);
  });
});
