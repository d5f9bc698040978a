/**
 * Plans every read query of the registry once, with EXPLAIN (which plans without running
 * anything), so the first requests after a start, or after the database restarted with
 * an empty plan cache, do not each pay seconds of Cypher planning. On a 2-core machine a
 * cold mix of walks and lookups took 1–4 s per query against 0.1–0.3 s warm, which under
 * steady traffic turned a database restart into a long tail of OVERLOADED answers.
 *
 * What EXPLAIN without parameters does not do: cache the plan a run with parameters
 * uses. Neo4j keys its plans on the parameters' types and list sizes too. Measured on a
 * Neo4j that had run for a while (5.26, 20,000 entities), entities/links and
 * relationships/list still took 0.8–1.1 s on their first run after it, against 1.0–1.4 s
 * with no EXPLAIN and 15–50 ms warm; with parameters of the right types, 0.2 s. So it
 * warms the planner and the parser, not the plans. A query that must be ready is planned
 * by running it on arguments that name nothing (PLANNED_BY_RUNNING).
 */
import { bindBounds, branchNames, declaredBounds, keepBranches, loadAllCypher, type CypherQuery } from './cypher.js';
import type { Database } from './database.js';
import { planTierWalk } from './dependencies.js';

/** Folders whose queries the API runs (the loader's and the benchmark's are not warmed). */
const SERVED = /^(dependencies|entities|relationships|sources|system)\//;
/**
 * Queries planned by running them once on arguments that match nothing: the first run
 * after an EXPLAIN still planned (about a second for the one-query walk), so EXPLAIN
 * would only add its own second.
 */
const PLANNED_BY_RUNNING: ReadonlyMap<string, (db: Database) => Promise<void>> = new Map([['dependencies/tiers', planTierWalk]]);
/** A placeholder with this many values or fewer is planned at each (subgraph depth 1..3). */
const MAX_VARIANTS = 3;

/** The texts of a query the API sends: each branch alone for a file with marked branches (keepBranches), else each bound's values. */
function variants(query: CypherQuery): CypherQuery[] {
  const branches = branchNames(query);
  return branches.length > 0 ? branches.flatMap((branch) => boundVariants(keepBranches(query, [branch]))) : boundVariants(query);
}

function boundVariants(query: CypherQuery): CypherQuery[] {
  const bounds = [...declaredBounds(query)];
  if (bounds.length === 0) return [query];
  const [name, bound] = bounds[0]!;
  if (bounds.length > 1 || bound.max - bound.min + 1 > MAX_VARIANTS) {
    return [bindBounds(query, Object.fromEntries(bounds.map(([n, b]) => [n, b.min])))];
  }
  const out: CypherQuery[] = [];
  for (let value = bound.min; value <= bound.max; value += 1) out.push(bindBounds(query, { [name]: value }));
  return out;
}

/** Plans the served queries one after another; resolves with how many were planned (failures are skipped). */
export async function warmQueryPlans(db: Database): Promise<number> {
  let planned = 0;
  for (const query of loadAllCypher().filter((q) => q.mode === 'read' && SERVED.test(q.name))) {
    const planByRunning = PLANNED_BY_RUNNING.get(query.name);
    // Named apart, so query metrics and round-trip counts show planning, not requests.
    const plans = planByRunning
      ? [() => planByRunning(db)]
      : variants(query).map((variant) => () => db.run({ ...variant, name: `plan:${variant.name}`, text: `EXPLAIN ${variant.text}` }));
    for (const plan of plans) {
      try {
        await plan();
        planned += 1;
      } catch {
        // A plan that fails here fails for its request too, where it is reported.
      }
    }
  }
  return planned;
}
