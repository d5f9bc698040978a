/**
 * The fixed GraphQL operations the benchmark times, each with the selection a client
 * would send (evidence included where the README's examples include it). All stay
 * within the cost, depth and alias limits of src/protections.ts; the runner fails on
 * any error in a response rather than timing it.
 */

import { LIMITS } from '../src/limits.js';
import { suppliersOperation } from './load/operations.js';

export interface Operation {
  /** Short label for the report. */
  name: string;
  query: string;
  variables?: Record<string, unknown>;
}

const BMW = 'company:bmw';

/** The supplier lookup's name in the report, the floor and --json. */
export const SUPPLIERS_OF_BMW = 'suppliers bmw first 200';

const WALK_SELECTION = `
  total
  tiers {
    tier
    entities {
      entity { id name kind }
      path {
        length
        hops { dependent { id } provider { id } relationships { id type evidence { claim } } }
      }
    }
  }`;

const UPSTREAM = `query Upstream($id: ID!, $maxDepth: Int!) {
  upstream(id: $id, maxDepth: $maxDepth) {${WALK_SELECTION}
  }
}`;

const DOWNSTREAM = `query Downstream($id: ID!, $maxDepth: Int!) {
  downstream(id: $id, maxDepth: $maxDepth) {${WALK_SELECTION}
  }
}`;

export const OPERATIONS: readonly Operation[] = [
  {
    name: 'search "magnesium"',
    query: `query Search($q: String!) {
  search(query: $q, first: 10) { score entity { id name kind } }
}`,
    variables: { q: 'magnesium' },
  },
  {
    name: 'entity company:yimeitai',
    query: `query Entity($id: ID!) {
  entity(id: $id) {
    id name description degree
    sources { id title }
    relationships(first: 50) {
      id type
      from { id name }
      to { id name }
      item { id name }
      evidence { claim nature period { text start end } sources { publisher title date } }
    }
    ... on Company {
      customers { entity { id name } relationship { id type evidence { claim } } }
      suppliers { entity { id name } relationship { id type evidence { claim } } }
    }
  }
}`,
    variables: { id: 'company:yimeitai' },
  },
  {
    // BMW's suppliers with their evidence, timed on their own: the load's supplier lookup
    // (load/operations.ts) with a page of 200, the most a link field gives
    // (LIMITS.linksFirst): all of BMW's suppliers at 100,000 entities.
    ...suppliersOperation(BMW),
    name: SUPPLIERS_OF_BMW,
    variables: { id: BMW, first: LIMITS.linksFirst.max },
  },
  {
    name: 'entityByName (alias)',
    query: `query ByName($name: String!) {
  entityByName(name: $name) { id name aliases kind }
}`,
    variables: { name: 'pidgeon method' },
  },
  {
    name: 'entities DEGREE_DESC 50',
    query: `query Entities {
  entities(orderBy: DEGREE_DESC, first: 50) {
    totalCount
    edges { cursor node { id name kind degree } }
    pageInfo { hasNextPage endCursor }
  }
}`,
  },
  {
    name: 'relationships by source',
    query: `query FactsOfSource($sourceId: ID!) {
  relationships(filter: { sourceId: $sourceId }, first: 20) {
    totalCount
    edges { node { id type from { id name } to { id name } evidence { claim period { text } } } }
    pageInfo { hasNextPage endCursor }
  }
}`,
    variables: { sourceId: 'smm-2026-01-15-magnesium-innovation' },
  },
  {
    name: 'tradeFigures China exports',
    query: `query Trade($place: ID!) {
  tradeFigures(place: $place, measures: [EXPORTS], first: 50) {
    totalCount
    edges {
      node {
        id type
        from { id name }
        to { id name }
        item { id name }
        figure { value unit }
        evidence { period { text } sources { title } }
      }
    }
  }
}`,
    variables: { place: 'country:china' },
  },
  { name: 'upstream bmw depth 3', query: UPSTREAM, variables: { id: BMW, maxDepth: 3 } },
  { name: 'upstream bmw depth 6', query: UPSTREAM, variables: { id: BMW, maxDepth: 6 } },
  { name: 'downstream china depth 2', query: DOWNSTREAM, variables: { id: 'country:china', maxDepth: 2 } },
  {
    name: 'dependencyPaths bmw→pidgeon k3',
    query: `query Paths($from: ID!, $to: ID!) {
  dependencyPaths(from: $from, to: $to, k: 3) {
    length
    nodes { id name }
    hops { relationships { id type item { name } evidence { claim sources { publisher date } } } }
  }
}`,
    variables: { from: BMW, to: 'technology:pidgeon-process' },
  },
  {
    name: 'exposure tesla→russia',
    query: `query Exposure($id: ID!, $country: ID!) {
  exposure(id: $id, country: $country) {
    exposed
    direct { id type }
    paths { at { id name } because { id type } path { length nodes { id name } } }
  }
}`,
    variables: { id: 'company:tesla', country: 'country:russia' },
  },
  {
    name: 'subgraph yimeitai d2 l200',
    query: `query Subgraph($ids: [ID!]!) {
  subgraph(ids: $ids, depth: 2, limit: 200) {
    truncated
    nodes { id name kind }
    edges { id type from { id } to { id } }
  }
}`,
    variables: { ids: ['company:yimeitai'] },
  },
];

/**
 * The nested request that shows batching: a page of entities, each with its sources and
 * ten relationships, each relationship with both ends and its evidence's sources. With
 * DataLoader batching its round trips do not grow with `first`.
 */
export const nestedOperation = (first: number): Operation => ({
  name: `nested entities(first: ${first})`,
  query: `query Nested($first: Int!) {
  entities(first: $first) {
    edges {
      node {
        id name
        sources { id title }
        relationships(first: 10) {
          id type
          from { id name sources { id } }
          to { id name sources { id } }
          evidence { claim sources { id title } }
        }
      }
    }
  }
}`,
  variables: { first },
});
