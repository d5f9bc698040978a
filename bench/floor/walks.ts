/**
 * The floor of the dependency walks and paths the bench times: each answered by one
 * query (cypher/bench/floor-walk.cypher, floor-paths.cypher) with the API's default
 * filters (SUPPLY dependence, every kind it reads, REPORTED facts). The handlers only
 * pass the type lists the walk's direction reads (the constants the API uses) and rename.
 */
import { int } from '../../src/db/convert.js';
import { cypher } from '../../src/db/cypher.js';
import { DEPENDENCE_KINDS, NATURE_RANK } from '../../src/db/dependencies.js';
import type { FloorHandler } from './operations.js';

const WALK = cypher('bench/floor-walk');
const PATHS = cypher('bench/floor-paths');
const PER_TIER = 100;

const { dependentFirst, providerFirst } = DEPENDENCE_KINDS.SUPPLY;
const typeLists = (upstream: boolean) => ({
  upstream,
  forward: [...(upstream ? dependentFirst : providerFirst)],
  backward: [...(upstream ? providerFirst : dependentFirst)],
  dependentFirst: [...dependentFirst],
  providerFirst: [...providerFirst],
  natures: ['REPORTED'],
  ranks: NATURE_RANK,
});

const walkFloor =
  (field: 'upstream' | 'downstream'): FloorHandler =>
  async (db, variables) => {
    const [row] = await db.run(WALK, {
      rootId: variables.id,
      maxDepth: int(Number(variables.maxDepth)),
      perTier: int(PER_TIER),
      ...typeLists(field === 'upstream'),
    });
    return { [field]: { total: row?.total ?? 0, tiers: row?.tiers ?? [] } };
  };

const pathsFloor: FloorHandler = async (db, variables) => {
  const [row] = await db.run(PATHS, { from: variables.from, to: variables.to, k: int(3), ...typeLists(true) });
  return { dependencyPaths: row?.paths ?? [] };
};

/** By the operation's name in bench/operations.ts. */
export const WALK_FLOORS: Readonly<Record<string, FloorHandler>> = {
  'upstream bmw depth 3': walkFloor('upstream'),
  'upstream bmw depth 6': walkFloor('upstream'),
  'downstream china depth 2': walkFloor('downstream'),
  'dependencyPaths bmw→pidgeon k3': pathsFloor,
};
