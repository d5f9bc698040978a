/**
 * Writes a validated seed to Neo4j: constraints and indexes first, then sources,
 * entities and facts, each batch in its own write transaction, merged on stable ids,
 * then the version stamp (version.ts). Content hashes make a second load of the same
 * seed write nothing and report it unchanged.
 */
import { cypher } from '../../src/db/cypher.js';
import type { Database } from '../../src/db/database.js';
import { entityProps, factProps, SEEDED, sourceProps } from '../../src/domain/props.js';
import type { SeedGraph } from './validate.js';
import { migrate, seedHash, type StampResult, stampGraphVersion } from './version.js';

export const BATCH_SIZE = 500;

type Props = Record<string, unknown>;

export type Status = 'created' | 'updated' | 'unchanged';

/**
 * Properties the loader computes from the rest of the seed (and its own marks): `npm run
 * export` does not write them back, and they do not count when a curated item is
 * compared with the seed.
 */
export const DERIVED_PROPS: readonly string[] = [
  'seeded',
  'seedHash',
  'nameKeys',
  'narrower',
  'sourceIds',
  'periodStart',
  'periodEnd',
  'refPeriodStarts',
  'refPeriodEnds',
  'scopeCoveredItems',
  'scopeSubjects',
  'metricWords',
];

/**
 * The marks of a write through the API (an ISO datetime and the curator's name). A load
 * leaves an item carrying them as it is unless the seed says exactly the same.
 */
export const CURATED_PROPS: readonly string[] = ['curatedAt', 'curatedBy'];

/** What a merge query is given to decide whether a curated item already says what the seed says. */
const compared = (props: Props) => Object.fromEntries(Object.entries(props).filter(([key]) => !DERIVED_PROPS.includes(key)));
const IGNORED = [...DERIVED_PROPS, ...CURATED_PROPS];

export interface LoadReport {
  /** Counts by label (Source and entity kinds) or relationship type, then status. */
  nodes: Record<string, Record<Status, number>>;
  relationships: Record<string, Record<Status, number>>;
  /** Seeded data no longer in the seed: deleted with `prune`, otherwise only listed. */
  stale: { what: string; label: string; id: string }[];
  /**
   * Items changed through the API (they carry `curatedAt`) that the seed would change
   * back or delete: left as they are until `npm run export` brings them into the seed.
   */
  curated: { what: string; label: string; id: string }[];
  pruned: number;
  /** Migration steps applied before loading (empty when the graph was current). */
  migrations: string[];
  /** The version stamp after the load (GraphMeta). */
  version: StampResult;
}

function batches<T>(rows: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH_SIZE) out.push(rows.slice(i, i + BATCH_SIZE));
  return out;
}

function tally(into: Record<string, Record<Status, number>>, label: string, status: Status): void {
  into[label] ??= { created: 0, updated: 0, unchanged: 0 };
  into[label][status] += 1;
}

/** Creates the constraints and indexes the graph relies on and waits for them to be online. */
export async function applySchema(db: Database): Promise<void> {
  await db.runStatements(cypher('schema/constraints'));
  await db.run(cypher('schema/await-indexes'));
}

export async function loadSeed(
  db: Database,
  graph: SeedGraph,
  options: { prune?: boolean } = {},
): Promise<LoadReport> {
  await applySchema(db);
  const migrations = await migrate(db);
  const report: Omit<LoadReport, 'version'> = { nodes: {}, relationships: {}, stale: [], curated: [], pruned: 0, migrations };
  const count = (into: Record<string, Record<Status, number>>, what: string, label: string, row: Record<string, unknown>) => {
    if (row.status === 'curated') report.curated.push({ what, label, id: String(row.id) });
    else tally(into, label, row.status as Status);
  };

  for (const batch of batches(graph.sources)) {
    const rows = batch.map((s) => {
      const { props, hash } = sourceProps(s, SEEDED);
      return { id: s.id, props, hash, compare: compared(props) };
    });
    const result = await db.run(cypher('seed/merge-sources'), { rows, ignored: IGNORED, keepCurated: true });
    for (const row of result) count(report.nodes, 'node', 'Source', row);
  }
  for (const batch of batches(graph.entities)) {
    const rows = batch.map((e) => {
      const { props, hash } = entityProps(e, SEEDED);
      return { id: e.id, kind: e.kind, props, hash, compare: compared(props) };
    });
    const result = await db.run(cypher('seed/merge-entities'), { rows, ignored: IGNORED, keepCurated: true });
    for (const row of result) count(report.nodes, 'node', String(row.label), row);
  }
  for (const batch of batches(graph.facts)) {
    const rows = batch.map((f) => {
      const { props, hash } = factProps(f, SEEDED);
      return { id: f.id, type: f.type, from: f.from, to: f.to, props, hash, compare: compared(props) };
    });
    const result = await db.run(cypher('seed/merge-facts'), { rows, ignored: IGNORED, keepCurated: true });
    for (const row of result) count(report.relationships, 'relationship', String(row.type), row);
  }

  // Merged ids and retracted facts: the curation's history, as `npm run export` wrote it.
  const redirects = graph.entities.flatMap((e) => (e.formerIds ?? []).map((id) => ({ id, to: e.id })));
  for (const batch of batches(redirects)) {
    for (const row of await db.run(cypher('seed/merge-redirects'), { rows: batch })) tally(report.nodes, 'EntityRedirect', row.status as Status);
  }
  for (const batch of batches(graph.retracted)) {
    for (const row of await db.run(cypher('seed/merge-retracted'), { rows: batch })) tally(report.nodes, 'RetractedFact', row.status as Status);
  }

  const ids = {
    sourceIds: graph.sources.map((s) => s.id),
    entityIds: graph.entities.map((e) => e.id),
    factKeys: graph.facts.map((f) => `${f.type} ${f.id}`),
  };
  const found = (await db.run(cypher('seed/stale'), ids)).map((row) => ({
    what: String(row.what),
    label: String(row.label),
    id: String(row.id),
    curated: row.curated === true,
  }));
  // A seeded item edited through the API since is kept even when the seed dropped it.
  report.curated.push(...found.filter((s) => s.curated).map(({ curated: _c, ...s }) => s));
  const stale = found.filter((s) => !s.curated).map(({ curated: _c, ...s }) => s);
  // A fact retyped in the seed is replaced on every load, like one whose ends moved.
  const factIds = new Set(graph.facts.map((f) => f.id));
  const retyped = stale.filter((s) => s.what === 'relationship' && factIds.has(s.id));
  if (retyped.length > 0) await db.run(cypher('seed/delete-retyped'), { facts: retyped.map((s) => ({ type: s.label, id: s.id })) });
  report.stale = stale.filter((s) => !retyped.includes(s));
  if (options.prune && report.stale.length > 0) {
    const [row] = await db.run(cypher('seed/prune-stale'), ids);
    report.pruned = Number(row?.deleted ?? 0);
  }
  // Last, so a load that failed half-way leaves the previous stamp (and its hash) in place.
  return { ...report, version: await stampGraphVersion(db, seedHash(graph)) };
}
