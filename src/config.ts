/**
 * The only reader of process.env. Validates the environment once and returns a frozen,
 * typed object; a bad value fails fast with a message naming the variable and what was
 * expected (ConfigError), which the entry point prints as one line.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** bolt://, neo4j:// and their +s / +ssc (TLS) forms: one server, a cluster, or Aura. */
const NEO4J_URI_PATTERN = /^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s/]+(:\d+)?\/?$/;

const port = (name: string, fallback: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > 65535) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a port number from 1 to 65535, got "${value}"`,
        });
        return z.NEVER;
      }
      return n;
    });

const positiveInt = (name: string, fallback: number, max: number) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1 || n > max) {
        ctx.addIssue({
          code: 'custom',
          message: `${name} must be a whole number from 1 to ${max}, got "${value}"`,
        });
        return z.NEVER;
      }
      return n;
    });

const flag = (name: string, fallback: boolean) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return fallback;
      if (['true', '1', 'yes'].includes(value.toLowerCase())) return true;
      if (['false', '0', 'no'].includes(value.toLowerCase())) return false;
      ctx.addIssue({ code: 'custom', message: `${name} must be true or false, got "${value}"` });
      return z.NEVER;
    });

/**
 * API keys as `name:key` or `name:sha256:<64 hex digits>` (the key's SHA-256, so the
 * environment need not hold the key itself), comma-separated. Messages never repeat a
 * value: it is a secret.
 */
const apiKeys = (name: string) =>
  z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value.trim() === '') return [];
      const out: ApiKey[] = [];
      for (const [index, entry] of value.split(',').map((e) => e.trim()).entries()) {
        const match = /^([A-Za-z0-9._@-]{1,64}):(?:sha256:([0-9a-f]{64})|(.+))$/.exec(entry);
        const plain = match?.[3];
        if (!match || (plain !== undefined && plain.length < 16)) {
          ctx.addIssue({
            code: 'custom',
            message: `${name} entry ${index + 1} must be name:key (a key of at least 16 characters) or name:sha256:<64 hex digits>`,
          });
          return z.NEVER;
        }
        out.push({ name: match[1]!, sha256: match[2] ?? createHash('sha256').update(plain!).digest('hex') });
      }
      return out;
    });

const EnvSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'], {
      error: (issue) => `NODE_ENV must be development, production or test, got "${String(issue.input)}"`,
    })
    .default('production'),
  // Stack traces and unmasked internal errors in responses: an explicit opt-in only.
  EXPOSE_ERROR_DETAILS: flag('EXPOSE_ERROR_DETAILS', false),
  INTROSPECTION: flag('INTROSPECTION', true),
  REQUEST_DEADLINE_MS: positiveInt('REQUEST_DEADLINE_MS', 20_000, 600_000),
  MAX_IN_FLIGHT_REQUESTS: positiveInt('MAX_IN_FLIGHT_REQUESTS', 128, 100_000),
  MAX_SESSIONS_PER_REQUEST: positiveInt('MAX_SESSIONS_PER_REQUEST', 4, 1000),
  HTTP_HEADERS_TIMEOUT_MS: positiveInt('HTTP_HEADERS_TIMEOUT_MS', 5_000, 600_000),
  HTTP_BODY_TIMEOUT_MS: positiveInt('HTTP_BODY_TIMEOUT_MS', 8_000, 600_000),
  HTTP_MAX_CONNECTIONS: positiveInt('HTTP_MAX_CONNECTIONS', 1024, 1_000_000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port('PORT', 4000),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      error: (issue) =>
        `LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "${String(issue.input)}"`,
    })
    .default('info'),
  NEO4J_URI: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return undefined;
      if (!NEO4J_URI_PATTERN.test(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `NEO4J_URI must look like bolt://host:7687, neo4j://host:7687 or neo4j+s://host, got "${value}"`,
        });
        return z.NEVER;
      }
      return value;
    }),
  NEO4J_USERNAME: z.string().min(1).default('neo4j'),
  NEO4J_PASSWORD: z.string().optional(),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z][A-Za-z0-9.-]{0,62}$/, 'NEO4J_DATABASE must be a Neo4j database name such as "neo4j"')
    .default('neo4j'),
  NEO4J_QUERY_TIMEOUT_MS: positiveInt('NEO4J_QUERY_TIMEOUT_MS', 15_000, 600_000),
  NEO4J_CONNECT_TIMEOUT_MS: positiveInt('NEO4J_CONNECT_TIMEOUT_MS', 10_000, 25_000),
  NEO4J_MAX_POOL_SIZE: positiveInt('NEO4J_MAX_POOL_SIZE', 64, 10_000),
  NEO4J_MAX_SESSIONS: positiveInt('NEO4J_MAX_SESSIONS', 16, 10_000),
  NEO4J_MAX_QUEUED_SESSIONS: positiveInt('NEO4J_MAX_QUEUED_SESSIONS', 64, 1_000_000),
  NEO4J_LOCAL_PORT: port('NEO4J_LOCAL_PORT', 7687),
  NEO4J_LOCAL_DIR: z.string().min(1).default('.neo4j-local'),
  NEO4J_LOCAL_HEAP_MB: positiveInt('NEO4J_LOCAL_HEAP_MB', 2048, 16_384),
  NEO4J_LOCAL_PAGECACHE_MB: positiveInt('NEO4J_LOCAL_PAGECACHE_MB', 1024, 16_384),
  SEED_ON_START: flag('SEED_ON_START', true),
  // --- Operations (src/observability, src/ops) ---
  ACCESS_LOG: flag('ACCESS_LOG', true),
  READY_MAX_WAITING_SESSIONS: positiveInt('READY_MAX_WAITING_SESSIONS', 32, 1_000_000),
  OTEL_EXPORTER_OTLP_ENDPOINT: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined || value === '') return undefined;
      if (!/^https?:\/\/[^\s]+$/.test(value)) {
        ctx.addIssue({
          code: 'custom',
          message: `OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL such as http://collector:4318, got "${value}"`,
        });
        return z.NEVER;
      }
      return value;
    }),
  OTEL_SERVICE_NAME: z.string().min(1).default('magnesium-supply-graph'),
  // --- Who may write (src/auth.ts) ---
  CURATOR_API_KEYS: apiKeys('CURATOR_API_KEYS'),
  READER_API_KEYS: apiKeys('READER_API_KEYS'),
  JWT_SECRET: z
    .string()
    .optional()
    .refine((v) => v === undefined || v === '' || v.length >= 32, 'JWT_SECRET must have at least 32 characters (HS256)'),
  JWT_JWKS_FILE: z.string().optional(),
  JWT_ISSUER: z.string().optional(),
  JWT_AUDIENCE: z.string().optional(),
  JWT_ROLES_CLAIM: z.string().min(1).default('roles'),
  AUTH_REQUIRED_FOR_READS: flag('AUTH_REQUIRED_FOR_READS', false),
});

/** The algorithms a JWKS key may sign with (src/auth.ts accepts only these from the set). */
export const JWKS_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;

/** A public key of a JSON Web Key Set, as JWK members. */
export type PublicJwk = Record<string, unknown> & { kty: string };

/** Members that only a private or secret key has: a JWKS file given here must have none. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/**
 * Reads and checks the JWKS file at start-up, so a missing, unreadable or malformed file
 * (or one holding a private key, or keys no accepted algorithm can use) stops the service
 * with one line naming the problem, instead of refusing every token later. Messages name
 * the file and the key's position, never key material.
 */
export function readJwksFile(file: string): { file: string; keys: PublicJwk[] } {
  const fail = (problem: string) => new ConfigError(`JWT_JWKS_FILE: ${file} ${problem}`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw fail(code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? 'error'})`);
  }
  let set: unknown;
  try {
    set = JSON.parse(text);
  } catch {
    throw fail('is not JSON; it must hold a JSON Web Key Set ({"keys": [...]})');
  }
  const keys = (set as { keys?: unknown } | null)?.keys;
  if (typeof set !== 'object' || set === null || Array.isArray(set) || !Array.isArray(keys)) {
    throw fail('is not a JSON Web Key Set: it must be an object with a "keys" array');
  }
  if (keys.length === 0) throw fail('has no keys');
  return {
    file,
    keys: keys.map((key: unknown, index) => {
      const which = `key ${index + 1}`;
      if (typeof key !== 'object' || key === null || Array.isArray(key) || typeof (key as { kty?: unknown }).kty !== 'string') {
        throw fail(`${which} is not a JSON Web Key (an object with "kty")`);
      }
      const jwk = key as PublicJwk;
      if (jwk.kty === 'oct') throw fail(`${which} is a shared secret (kty "oct"): the file holds public keys only; give an HS256 secret as JWT_SECRET`);
      const secret = PRIVATE_MEMBERS.filter((member) => member in jwk);
      if (secret.length > 0) throw fail(`${which} holds private key material (${secret.join(', ')}): give the public keys only`);
      if (!['RSA', 'EC', 'OKP'].includes(jwk.kty)) throw fail(`${which} has kty "${jwk.kty}"; expected RSA, EC or OKP`);
      if (jwk.use !== undefined && jwk.use !== 'sig') throw fail(`${which} has use "${String(jwk.use)}"; expected "sig"`);
      if (jwk.alg !== undefined && !(JWKS_ALGORITHMS as readonly unknown[]).includes(jwk.alg)) {
        throw fail(`${which} has alg "${String(jwk.alg)}"; tokens are accepted signed with ${JWKS_ALGORITHMS.join(', ')}`);
      }
      if (jwk.kty === 'EC' && jwk.crv !== 'P-256') throw fail(`${which} is an EC key on "${String(jwk.crv)}"; ES256 needs P-256`);
      if (jwk.kty === 'OKP' && jwk.crv !== 'Ed25519') throw fail(`${which} is an OKP key on "${String(jwk.crv)}"; EdDSA needs Ed25519`);
      let modulusLength: number | undefined;
      try {
        modulusLength = createPublicKey({ key: jwk as never, format: 'jwk' }).asymmetricKeyDetails?.modulusLength;
      } catch {
        throw fail(`${which} is not a valid ${jwk.kty} public key`);
      }
      if (jwk.kty === 'RSA' && (modulusLength ?? 0) < 2048) throw fail(`${which} is an RSA key of ${modulusLength} bits; at least 2048 are needed`);
      return jwk;
    }),
  };
}

/** An API key: its holder's name and the key's SHA-256 (hex); the key itself is not kept. */
export interface ApiKey {
  name: string;
  sha256: string;
}

/** Who may read and write (src/auth.ts). Secrets stay here and in the verifier, never in logs. */
export interface AuthConfig {
  /** Keys whose holders have the curator role (they may write). */
  curatorKeys: readonly ApiKey[];
  /** Keys whose holders may only read (where reads need a token). */
  readerKeys: readonly ApiKey[];
  jwt: {
    /** HS256 shared secret. */
    secret?: string;
    /**
     * The public keys of a local JWKS file (RS256, PS256, ES256, EdDSA), read and checked
     * at start-up by readJwksFile; no key is fetched over the network.
     */
    jwks?: { file: string; keys: readonly PublicJwk[] };
    issuer?: string;
    audience?: string;
    /** The claim holding the roles: an array, or a space-separated string. */
    rolesClaim: string;
  };
  /** Reads need a token too (any valid one). */
  requiredForReads: boolean;
}

export interface Neo4jRemote {
  mode: 'remote';
  uri: string;
  username: string;
  password: string;
}

export interface Neo4jLocal {
  mode: 'local';
  /** Where data, logs and the generated password of the local DBMS live. */
  dir: string;
  port: number;
  heapMb: number;
  pageCacheMb: number;
  username: 'neo4j';
  /** When unset, a random password is generated once and kept in `dir`. */
  password: string | undefined;
}

/** How the server protects itself: the request deadline, and what may be in flight at once. */
export interface ServingLimits {
  /** Every request is answered within this, whatever its queries are doing. */
  requestDeadlineMs: number;
  /** GraphQL requests being worked on at once; more are refused with 503 OVERLOADED. */
  maxInFlight: number;
  /** Database sessions one request may hold at once (its other queries wait their turn). */
  maxSessionsPerRequest: number;
}

/** Node's HTTP server settings against slow and numerous clients. */
export interface HttpLimits {
  headersTimeoutMs: number;
  /** The whole request, body included, must arrive within this. */
  bodyTimeoutMs: number;
  maxConnections: number;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  logLevel: string;
  /** Stack traces and internal messages in error responses (off unless opted in). */
  exposeErrorDetails: boolean;
  /** Schema introspection; "did you mean" suggestions in errors follow it. */
  introspection: boolean;
  limits: ServingLimits;
  http: HttpLimits;
  neo4j: (Neo4jRemote | Neo4jLocal) & {
    database: string;
    queryTimeoutMs: number;
    connectTimeoutMs: number;
    maxPoolSize: number;
    /** Sessions open at once across requests (below maxPoolSize). */
    maxSessions: number;
    /** Session requests that may wait for a place before OVERLOADED. */
    maxQueuedSessions: number;
  };
  seedOnStart: boolean;
  auth: AuthConfig;
  /** Access logs, readiness thresholds and tracing (see src/observability). */
  observability: {
    accessLog: boolean;
    readyMaxWaitingSessions: number;
    /** Tracing is on only with an OTLP endpoint. */
    tracing: { serviceName: string; otlpEndpoint?: string };
  };
}

/** Reads and validates the environment. Throws ConfigError naming the first bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? '');
    const message = issue.message.includes(variable) ? issue.message : `${variable}: ${issue.message}`;
    throw new ConfigError(message);
  }
  const e = parsed.data;
  const common = {
    database: e.NEO4J_DATABASE,
    queryTimeoutMs: e.NEO4J_QUERY_TIMEOUT_MS,
    connectTimeoutMs: e.NEO4J_CONNECT_TIMEOUT_MS,
    maxPoolSize: e.NEO4J_MAX_POOL_SIZE,
    maxSessions: e.NEO4J_MAX_SESSIONS,
    maxQueuedSessions: e.NEO4J_MAX_QUEUED_SESSIONS,
  };
  if (e.NEO4J_MAX_SESSIONS > e.NEO4J_MAX_POOL_SIZE) {
    // Above the pool size, sessions would queue inside the driver again, unbounded.
    throw new ConfigError(
      `NEO4J_MAX_SESSIONS (${e.NEO4J_MAX_SESSIONS}) must not exceed NEO4J_MAX_POOL_SIZE (${e.NEO4J_MAX_POOL_SIZE})`,
    );
  }
  let neo4j: Config['neo4j'];
  if (e.NEO4J_URI) {
    if (!e.NEO4J_PASSWORD) {
      throw new ConfigError('NEO4J_PASSWORD must be set when NEO4J_URI is set');
    }
    neo4j = {
      mode: 'remote',
      uri: e.NEO4J_URI,
      username: e.NEO4J_USERNAME,
      password: e.NEO4J_PASSWORD,
      ...common,
    };
  } else {
    if (e.NEO4J_PASSWORD !== undefined && e.NEO4J_PASSWORD.length < 8) {
      throw new ConfigError('NEO4J_PASSWORD must have at least 8 characters for the local Neo4j');
    }
    neo4j = {
      mode: 'local',
      dir: e.NEO4J_LOCAL_DIR,
      port: e.NEO4J_LOCAL_PORT,
      heapMb: e.NEO4J_LOCAL_HEAP_MB,
      pageCacheMb: e.NEO4J_LOCAL_PAGECACHE_MB,
      username: 'neo4j',
      password: e.NEO4J_PASSWORD || undefined,
      ...common,
    };
  }
  return Object.freeze({
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    logLevel: e.LOG_LEVEL,
    exposeErrorDetails: e.EXPOSE_ERROR_DETAILS,
    introspection: e.INTROSPECTION,
    limits: Object.freeze({
      requestDeadlineMs: e.REQUEST_DEADLINE_MS,
      maxInFlight: e.MAX_IN_FLIGHT_REQUESTS,
      maxSessionsPerRequest: e.MAX_SESSIONS_PER_REQUEST,
    }),
    http: Object.freeze({
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      bodyTimeoutMs: e.HTTP_BODY_TIMEOUT_MS,
      maxConnections: e.HTTP_MAX_CONNECTIONS,
    }),
    neo4j: Object.freeze(neo4j),
    seedOnStart: e.SEED_ON_START,
    auth: Object.freeze({
      curatorKeys: e.CURATOR_API_KEYS,
      readerKeys: e.READER_API_KEYS,
      jwt: Object.freeze({
        ...(e.JWT_SECRET ? { secret: e.JWT_SECRET } : {}),
        ...(e.JWT_JWKS_FILE ? { jwks: readJwksFile(e.JWT_JWKS_FILE) } : {}),
        ...(e.JWT_ISSUER ? { issuer: e.JWT_ISSUER } : {}),
        ...(e.JWT_AUDIENCE ? { audience: e.JWT_AUDIENCE } : {}),
        rolesClaim: e.JWT_ROLES_CLAIM,
      }),
      requiredForReads: e.AUTH_REQUIRED_FOR_READS,
    }),
    observability: Object.freeze({
      accessLog: e.ACCESS_LOG,
      readyMaxWaitingSessions: e.READY_MAX_WAITING_SESSIONS,
      tracing: Object.freeze({
        serviceName: e.OTEL_SERVICE_NAME,
        ...(e.OTEL_EXPORTER_OTLP_ENDPOINT ? { otlpEndpoint: e.OTEL_EXPORTER_OTLP_ENDPOINT } : {}),
      }),
    }),
  });
}
