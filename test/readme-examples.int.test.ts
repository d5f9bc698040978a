/** Every ```graphql block in README.md runs as written against the seeded graph. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/graph.js';
import { useTestApi } from './support/api.js';

const readme = readFileSync(resolve(PROJECT_ROOT, 'README.md'), 'utf8');
const examples = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!);

const t = useTestApi();

describe('README: example operations', () => {
  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(8);
  });

  it.each(examples.map((text, i) => [i + 1, text.trim().split('\n')[1]?.trim() ?? '', text] as const))(
    'example %i (%s) answers without errors and with data',
    async (_i, _first, text) => {
      const { status, body } = await t.server.graphql(text);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      expect(status).toBe(200);
      for (const value of Object.values(body.data)) {
        expect(value).not.toBeNull();
        if (Array.isArray(value)) expect(value.length).toBeGreaterThan(0);
      }
    },
  );
});
