/**
 * Who is asking: an API key or a JWT in `Authorization: Bearer …` (or an API key in
 * `X-API-Key`). API keys come from the environment (CURATOR_API_KEYS, READER_API_KEYS)
 * and are compared by their SHA-256 in constant time; JWTs are verified with jose
 * against an HS256 secret (JWT_SECRET) or a local JWKS file (JWT_JWKS_FILE), with the
 * issuer and audience when configured. Nothing here logs a token or a key.
 *
 * The plugin decides before anything runs: a mutation needs the `curator` role (no valid
 * token → UNAUTHENTICATED, 401; a token without the role → FORBIDDEN, 403), and with
 * AUTH_REQUIRED_FOR_READS every operation needs a valid token (any role). With that
 * setting, requireToken refuses a request without one even earlier, as its context is
 * made, so that nothing about the schema (GraphQL's "did you mean …" validation
 * messages) reaches a caller who may not read. The HTTP probes (/livez, /readyz), the
 * metrics and the browser pages are not behind /graphql and stay open.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { type ApolloServerPlugin, HeaderMap } from '@apollo/server';
import type { JSONWebKeySet, JWTPayload } from 'jose';
import { type AuthConfig, JWKS_ALGORITHMS } from './config.js';
import { AppError, ErrorCode } from './errors.js';

export const CURATOR_ROLE = 'curator';

export interface Principal {
  /** The key's name, or the token's subject: stored as `curatedBy` and on every Change. */
  name: string;
  roles: readonly string[];
  via: 'api-key' | 'jwt';
}

/** The outcome of reading a request's credentials. */
export type Authentication = { principal: Principal | null; error: AppError | null };

const unauthenticated = (message: string) =>
  new AppError(ErrorCode.UNAUTHENTICATED, message, { http: { status: 401, headers: new HeaderMap([['www-authenticate', 'Bearer']]) } });

const forbidden = (message: string) => new AppError(ErrorCode.FORBIDDEN, message, { http: { status: 403 } });

const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

type Jose = typeof import('jose');
type KeySet = ReturnType<Jose['createLocalJWKSet']>;
let jose: Promise<Jose> | undefined;
/**
 * jose is loaded only by a service that verifies JWTs (as its Authenticator is made) or
 * with the first JWT-shaped token: one configured with API keys only, or none (the
 * default), never needs it, and loaded it would stay in the serving process's heap for
 * nothing (src/observability/tracing.ts does the same for the tracing SDK).
 */
const loadJose = (): Promise<Jose> => (jose ??= import('jose'));

export class Authenticator {
  private readonly secret: Uint8Array | undefined;
  /** Made with the first JWT signed otherwise than with HS256 (see loadJose). */
  private jwks: Promise<KeySet> | undefined;

  constructor(private readonly config: AuthConfig) {
    this.secret = config.jwt.secret ? new TextEncoder().encode(config.jwt.secret) : undefined;
    // Loaded now rather than on the first token, which would wait for it.
    if (this.secret || config.jwt.jwks) void loadJose().catch(() => {});
  }

  /** The configured JWKS, read and checked when the configuration was loaded (readJwksFile). */
  private keySet(jwks: NonNullable<AuthConfig['jwt']['jwks']>): Promise<KeySet> {
    return (this.jwks ??= loadJose().then(({ createLocalJWKSet }) => createLocalJWKSet({ keys: [...jwks.keys] } as JSONWebKeySet)));
  }

  /** The principal of a request's headers; an invalid credential is an error, none is null. */
  async authenticate(headers: { authorization?: string | string[]; 'x-api-key'?: string | string[] }): Promise<Authentication> {
    const header = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.trim();
    const authorization = header(headers.authorization);
    const apiKey = header(headers['x-api-key']);
    let token: string | undefined;
    if (authorization) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) return { principal: null, error: unauthenticated('Authorization must be "Bearer <API key or JWT>".') };
      token = match[1]!;
    } else token = apiKey;
    if (!token) return { principal: null, error: null };
    try {
      const principal = JWT_SHAPE.test(token) ? await this.verifyJwt(token) : this.checkApiKey(token);
      return { principal, error: null };
    } catch (error) {
      if (error instanceof AppError) return { principal: null, error };
      return { principal: null, error: unauthenticated('The token is not valid (bad signature, expired, or not for this service).') };
    }
  }

  private checkApiKey(key: string): Principal {
    const digest = createHash('sha256').update(key).digest();
    const matches = (k: { sha256: string }) => timingSafeEqual(Buffer.from(k.sha256, 'hex'), digest);
    const curator = this.config.curatorKeys.find(matches);
    if (curator) return { name: curator.name, roles: [CURATOR_ROLE], via: 'api-key' };
    const reader = this.config.readerKeys.find(matches);
    if (reader) return { name: reader.name, roles: ['reader'], via: 'api-key' };
    throw unauthenticated('The API key is not valid.');
  }

  private async verifyJwt(token: string): Promise<Principal> {
    const { decodeProtectedHeader, jwtVerify } = await loadJose();
    const { alg } = decodeProtectedHeader(token);
    // A token must expire: one without `exp` would stay valid for as long as its key.
    const options = { issuer: this.config.jwt.issuer, audience: this.config.jwt.audience, requiredClaims: ['exp'] };
    let payload: JWTPayload;
    if (alg === 'HS256' && this.secret) ({ payload } = await jwtVerify(token, this.secret, { ...options, algorithms: ['HS256'] }));
    else if (alg !== 'HS256' && this.config.jwt.jwks) {
      ({ payload } = await jwtVerify(token, await this.keySet(this.config.jwt.jwks), { ...options, algorithms: [...JWKS_ALGORITHMS] }));
    }
    else throw unauthenticated('The token is not valid (bad signature, expired, or not for this service).');
    if (typeof payload.sub !== 'string' || payload.sub === '') throw unauthenticated('The token has no subject (sub).');
    const claim = payload[this.config.jwt.rolesClaim];
    const roles = Array.isArray(claim) ? claim.map(String) : typeof claim === 'string' ? claim.split(/\s+/).filter(Boolean) : [];
    return { name: payload.sub, roles, via: 'jwt' };
  }
}

const NEEDS_TOKEN = 'This service needs a token: send "Authorization: Bearer <API key or JWT>".';

/**
 * With AUTH_REQUIRED_FOR_READS: refuses a request with no valid token (401) before its
 * operation is parsed or validated. Called as the request's context is made.
 */
export function requireToken(auth: Authentication, config: Pick<AuthConfig, 'requiredForReads'>): void {
  if (!config.requiredForReads) return;
  if (auth.error) throw auth.error;
  if (!auth.principal) throw unauthenticated(NEEDS_TOKEN);
}

/** Refuses, before execution, what the request's credentials do not allow. */
export function authPlugin<T extends { auth: Authentication }>(config: Pick<AuthConfig, 'requiredForReads'>): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue }) {
          if (!operation) return;
          const { principal, error } = contextValue.auth;
          const writes = operation.operation === 'mutation';
          if (!writes && !config.requiredForReads) return;
          if (error) throw error;
          if (!principal) {
            throw unauthenticated(
              writes ? 'Writes need a curator token: send "Authorization: Bearer <API key or JWT>".' : NEEDS_TOKEN,
            );
          }
          if (writes && !principal.roles.includes(CURATOR_ROLE)) {
            throw forbidden(`"${principal.name}" may not write: writes need the ${CURATOR_ROLE} role.`);
          }
        },
      };
    },
  };
}
