/**
 * Every Cypher file parses and plans against the real database (EXPLAIN runs nothing),
 * and the schema file covers every label and relationship type of the vocabulary.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTITY_KINDS, RELATIONSHIP_TYPE_NAMES } from '../seed/vocabulary.js';
import { bindMinimumBounds, branchNames, keepBranches, loadAllCypher } from '../src/db/cypher.js';
import type { Database } from '../src/db/database.js';
import { openTestDb } from './support/neo4j.js';

let db: Database;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(async () => {
  await db.close();
});

describe('Cypher files', () => {
  const queries = loadAllCypher();

  it('are all loaded, each with a declared mode', () => {
    expect(queries.length).toBeGreaterThan(5);
    for (const query of queries) expect(['read', 'write']).toContain(query.mode);
  });

  it.each(queries.filter((q) => !q.statements).map((q) => [q.name, q] as const))(
    '%s plans with EXPLAIN',
    async (_name, query) => {
      const session = db.driver.session({ database: db.options.database });
      try {
        // Files with {{bound}} placeholders plan with each bound at its declared minimum.
        const result = await session.run(`EXPLAIN ${bindMinimumBounds(query).text}`);
        expect(result.summary.plan).toBeTruthy();
      } finally {
        await session.close();
      }
    },
  );

  // A file with marked branches is also sent with each branch alone (keepBranches).
  it.each(queries.flatMap((q) => branchNames(q).map((branch) => [q.name, branch, keepBranches(q, [branch])] as const)))(
    '%s with only its branch %s plans with EXPLAIN',
    async (_name, _branch, query) => {
      const session = db.driver.session({ database: db.options.database });
      try {
        const result = await session.run(`EXPLAIN ${query.text}`);
        expect(result.summary.plan).toBeTruthy();
      } finally {
        await session.close();
      }
    },
  );

  it('schema/constraints creates a unique id per entity label and per relationship type', async () => {
    const session = db.driver.session({ database: db.options.database });
    try {
      const result = await session.run(
        "SHOW CONSTRAINTS YIELD type, labelsOrTypes, properties WHERE type IN ['UNIQUENESS', 'RELATIONSHIP_UNIQUENESS'] RETURN labelsOrTypes[0] AS target, properties",
      );
      const targets = new Set(
        result.records
          .filter((r) => r.get('properties').join() === 'id')
          .map((r) => r.get('target') as string),
      );
      for (const label of ['Source', 'Entity', ...ENTITY_KINDS]) expect(targets).toContain(label);
      for (const type of RELATIONSHIP_TYPE_NAMES) expect(targets).toContain(type);
      const fulltext = await session.run(
        "SHOW FULLTEXT INDEXES YIELD name, properties WHERE name = 'entity_search' RETURN properties",
      );
      expect(fulltext.records[0]?.get('properties')).toEqual(['name', 'aliases', 'description']);
    } finally {
      await session.close();
    }
  });

  it('schema/constraints indexes the id, sources and item of every relationship type in fact_refs, as exact terms', async () => {
    const session = db.driver.session({ database: db.options.database });
    try {
      const result = await session.run(
        "SHOW FULLTEXT INDEXES YIELD name, entityType, labelsOrTypes, properties, options WHERE name = 'fact_refs' RETURN entityType, labelsOrTypes, properties, options.indexConfig['fulltext.analyzer'] AS analyzer",
      );
      expect(result.records).toHaveLength(1);
      const index = result.records[0]!;
      expect(index.get('entityType')).toBe('RELATIONSHIP');
      expect(index.get('properties')).toEqual(['id', 'sourceIds', 'item']);
      expect(index.get('analyzer')).toBe('keyword');
      // The file lists the types by hand; a type missing here would vanish from lookups by source, item and id.
      expect([...(index.get('labelsOrTypes') as string[])].sort()).toEqual([...RELATIONSHIP_TYPE_NAMES].sort());
    } finally {
      await session.close();
    }
  });
});
