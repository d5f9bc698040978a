import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/graph.js';
import { neo4jVersionOf } from '../src/local-neo4j/build.js';

describe('Neo4j version: one version on both paths', () => {
  it('docker-compose.yml runs the Community image of the version neo4j-local/pom.xml embeds', () => {
    const pomVersion = neo4jVersionOf(resolve(PROJECT_ROOT, 'neo4j-local'));
    const compose = readFileSync(resolve(PROJECT_ROOT, 'docker-compose.yml'), 'utf8');
    const image = /image:\s*neo4j:(\S+)/.exec(compose)?.[1];
    expect(pomVersion).toMatch(/^5\.26\.\d+$/);
    expect(image).toBe(`${pomVersion}-community`);
  });
});
