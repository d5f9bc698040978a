/**
 * The playground's example operations (web/playground/examples/*.graphql) are valid
 * against the schema and answer real questions over the seeded graph, within the
 * API's limits: each returns data and no error.
 */
import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { loadTypeDefs } from '../../src/schema.js';
import { playgroundExamples } from '../../src/web.js';
import { useTestApi } from '../support/api.js';

const t = useTestApi();

const examples = playgroundExamples();

describe('Playground examples: real questions over the seeded graph', () => {
  it('are the five the playground opens with, each one named operation valid against the schema', () => {
    expect(examples.map((example) => example.name)).toEqual([
      '1-search',
      '2-entity-evidence',
      '3-upstream-tiers',
      '4-dependency-path',
      '5-policy-exposure',
    ]);
    const schema = buildSchema(loadTypeDefs().join('\n'));
    for (const { name, query } of examples) {
      const document = parse(query);
      expect(document.definitions, name).toHaveLength(1);
      expect(validate(schema, document), name).toEqual([]);
    }
  });

  it.each(examples.map((example) => [example.name, example.query]))('%s answers with data and no error', async (_name, query) => {
    const { status, body } = await t.server.graphql(query);
    expect(body.errors).toBeUndefined();
    expect(status).toBe(200);
    expect(JSON.stringify(body.data)).not.toBe('{}');
  });

  it('answer what their comments ask', async () => {
    const answers = await Promise.all(examples.map((example) => t.server.graphql(example.query).then((r) => r.body.data)));
    const [search, entity, upstream, path, exposure] = answers;
    expect(search.search[0].entity.id).toBe('commodity:magnesium-ingot');
    expect(entity.entityByName.id).toBe('company:yimeitai');
    expect(entity.entityByName.relationships.map((r: { to: { name: string } }) => r.to.name)).toContain('Optimo');
    expect(upstream.upstream.tiers[0].entities.map((r: { entity: { id: string } }) => r.entity.id)).toContain('country:germany');
    expect(path.dependencyPaths[0].nodes.map((n: { name: string }) => n.name)).toEqual(['BMW', 'Germany', 'China', 'Pidgeon process']);
    expect(exposure.exposure.exposed).toBe(true);
  });
});
