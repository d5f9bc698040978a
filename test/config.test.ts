import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const fail = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('Config: environment validation', () => {
  it('defaults to the local Neo4j and port 4000 when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.neo4j).toMatchObject({ mode: 'local', port: 7687, database: 'neo4j', password: undefined });
    expect(config.seedOnStart).toBe(true);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it.each([
    'bolt://db:7687',
    'neo4j://cluster.example:7687',
    'neo4j+s://abcd.databases.neo4j.io',
    'bolt+ssc://10.0.0.2',
  ])('accepts NEO4J_URI %s as a remote database', (uri) => {
    const config = loadConfig({ NEO4J_URI: uri, NEO4J_PASSWORD: 'secret-pass' });
    expect(config.neo4j).toMatchObject({ mode: 'remote', uri, username: 'neo4j', password: 'secret-pass' });
  });

  it('names NEO4J_URI and the expected forms when the scheme is wrong', () => {
    expect(fail({ NEO4J_URI: 'http://localhost:7474', NEO4J_PASSWORD: 'x' })).toBe(
      'NEO4J_URI must look like bolt://host:7687, neo4j://host:7687 or neo4j+s://host, got "http://localhost:7474"',
    );
  });

  it('requires NEO4J_PASSWORD with NEO4J_URI', () => {
    expect(fail({ NEO4J_URI: 'bolt://db:7687' })).toBe('NEO4J_PASSWORD must be set when NEO4J_URI is set');
  });

  it('names PORT when it is not a port number', () => {
    expect(fail({ PORT: 'eighty' })).toBe('PORT must be a port number from 1 to 65535, got "eighty"');
    expect(fail({ PORT: '70000' })).toBe('PORT must be a port number from 1 to 65535, got "70000"');
  });

  it('names NODE_ENV, SEED_ON_START and NEO4J_DATABASE when they are malformed', () => {
    expect(fail({ NODE_ENV: 'staging' })).toBe(
      'NODE_ENV must be development, production or test, got "staging"',
    );
    expect(fail({ SEED_ON_START: 'maybe' })).toBe('SEED_ON_START must be true or false, got "maybe"');
    expect(fail({ NEO4J_DATABASE: 'no spaces' })).toBe(
      'NEO4J_DATABASE must be a Neo4j database name such as "neo4j"',
    );
  });

  it('refuses a local password shorter than Neo4j accepts', () => {
    expect(fail({ NEO4J_PASSWORD: 'short' })).toBe(
      'NEO4J_PASSWORD must have at least 8 characters for the local Neo4j',
    );
  });

  it('bounds the connection timeout so a bad database fails within 30 seconds', () => {
    expect(fail({ NEO4J_CONNECT_TIMEOUT_MS: '60000' })).toBe(
      'NEO4J_CONNECT_TIMEOUT_MS must be a whole number from 1 to 25000, got "60000"',
    );
  });
});

describe('Config: who may write', () => {
  it('reads API keys as name:key or name:sha256:<hex>, keeping only their hashes', () => {
    const hash = 'a'.repeat(64);
    const auth = loadConfig({ CURATOR_API_KEYS: 'alice:a-long-enough-key-0001, bob:sha256:' + hash, JWT_SECRET: 's'.repeat(32) }).auth;
    expect(auth.curatorKeys.map((k) => k.name)).toEqual(['alice', 'bob']);
    expect(auth.curatorKeys[1]!.sha256).toBe(hash);
    expect(JSON.stringify(auth.curatorKeys)).not.toContain('a-long-enough-key-0001');
    expect(auth).toMatchObject({ readerKeys: [], requiredForReads: false, jwt: { rolesClaim: 'roles' } });
  });

  it('refuses a malformed key, a short key or a short JWT secret without repeating the secret', () => {
    const short = fail({ CURATOR_API_KEYS: 'alice:tooshort-secret' });
    expect(short).toBe('CURATOR_API_KEYS entry 1 must be name:key (a key of at least 16 characters) or name:sha256:<64 hex digits>');
    expect(short).not.toContain('tooshort-secret');
    expect(fail({ READER_API_KEYS: 'no-colon-here-at-all-0000' })).toBe(
      'READER_API_KEYS entry 1 must be name:key (a key of at least 16 characters) or name:sha256:<64 hex digits>',
    );
    expect(fail({ JWT_SECRET: 'not-long-enough' })).toBe('JWT_SECRET must have at least 32 characters (HS256)');
  });
});
