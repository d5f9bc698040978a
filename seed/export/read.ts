/** Reads everything the seed files can hold from the graph, in one read transaction. */
import { cypher } from '../../src/db/cypher.js';
import type { Database } from '../../src/db/database.js';
import type { GraphSnapshot, Props } from './records.js';

export async function readGraph(db: Database): Promise<GraphSnapshot> {
  return db.transaction('read', async (tx) => {
    const sources = await tx.run(cypher('seed/export-sources'));
    const entities = await tx.run(cypher('seed/export-entities'));
    const facts = await tx.run(cypher('seed/export-facts'));
    const retracted = await tx.run(cypher('seed/export-retracted'));
    return {
      sources: sources.map((row) => ({ props: row.props as Props })),
      entities: entities.map((row) => ({ props: row.props as Props })),
      facts: facts.map((row) => ({
        type: String(row.type),
        from: String(row.from),
        to: String(row.to),
        toKind: String(row.toKind),
        props: row.props as Props,
      })),
      retracted: retracted.map((row) => ({ props: row.props as Props })),
    };
  });
}
