/**
 * Operation limits over HTTP: the hostile documents of the reliability review are
 * answered 400 LIMIT_EXCEEDED without a single database query, and the interface chain
 * at the depth and alias limits runs in a few batched round trips.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_COST, MAX_DIRECTIVES, MAX_TOKENS } from '../src/protections.js';
import { useTestApi } from './support/api.js';
import { directiveFlood, fragmentBomb, interfaceChain, tokenFlood } from './support/attacks.js';

const api = useTestApi();
let queries = 0;
beforeAll(() => {
  // The background read of the graph's version stamp belongs to no request.
  api.db.onQuery(({ query }) => {
    if (query !== 'system/graph-version') queries += 1;
  });
});

describe('Operation limits over HTTP: refused with no database query', () => {
  const refused = async (text: string, extensions: Record<string, unknown>) => {
    const before = queries;
    const { status, body } = await api.server.graphql(text);
    expect(status).toBe(400);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: 'LIMIT_EXCEEDED', ...extensions, requestId: expect.any(String) });
    expect(queries).toBe(before);
  };

  it('a fragment bomb of 30 levels with a health leaf', async () => {
    await refused(fragmentBomb(30, 'health{status}'), { limit: 'cost', max: MAX_COST, actual: 2 ** 31 });
  });

  it('a fragment bomb of 30 levels with a __typename leaf', async () => {
    await refused(fragmentBomb(30, '__typename'), { limit: 'cost', max: MAX_COST, actual: 2 ** 30 });
  });

  it('a directive flood', async () => {
    await refused(directiveFlood(500), { limit: 'directives', max: MAX_DIRECTIVES, actual: 500 });
  });

  it('an interface chain one level deeper than the limit, 30 times', async () => {
    await refused(interfaceChain(30, 6), { limit: 'depth', max: 12, actual: 14 });
  });

  it('a token flood is refused by the parser itself, before any analysis', async () => {
    const before = queries;
    const { status, body } = await api.server.graphql(tokenFlood(MAX_TOKENS + 10));
    expect(status).toBe(400);
    expect(body.errors).toEqual([
      {
        message: `Syntax Error: Document contains more that ${MAX_TOKENS} tokens. Parsing aborted.`,
        // Where the parser stopped: the opening brace, then MAX_TOKENS - 1 fields of 11 characters.
        locations: [{ line: 1, column: 3 + 11 * (MAX_TOKENS - 1) }],
        extensions: { code: 'GRAPHQL_PARSE_FAILED', requestId: expect.any(String) },
      },
    ]);
    expect(queries).toBe(before);
  });
});

describe('Operation limits over HTTP: the interface chain at the limits runs', () => {
  it('answers 30 aliases at depth 12 in one batched query per level', async () => {
    // Neo4j plans the links query on its first run, which on a loaded machine can take
    // longer than the query timeout: plan it before counting.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const { body } = await api.server.graphql('{ entity(id: "company:bmw") { relationships(first: 1) { id } } }');
      if (!body.errors) break;
    }
    const before = queries;
    const data = await api.query(interfaceChain(30, 5));
    expect(Object.keys(data)).toHaveLength(30);
    // The entity, then for each of 5 levels its relationships and their `from` entities.
    expect(queries - before).toBeLessThanOrEqual(11);
  });
});
