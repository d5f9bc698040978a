/**
 * The public error codes of the API and the errors thrown on purpose. Anything else
 * that reaches a client is masked as INTERNAL_SERVER_ERROR (see server.ts), so driver
 * messages, Cypher and stack traces never leave the process unless the operator opts in
 * (EXPOSE_ERROR_DETAILS).
 *
 * Codes say whose move it is: BAD_USER_INPUT and LIMIT_EXCEEDED are the client's to fix
 * (ask differently); DATABASE_UNAVAILABLE, OVERLOADED and DEADLINE_EXCEEDED are the
 * service's state, answered with HTTP 503, `Retry-After` and `extensions.retryable`, so
 * a client or proxy retries the same request later instead of changing it.
 */
import { HeaderMap } from '@apollo/server';
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  /** A write that contradicts what is stored (a name another entity has, a fact that cannot move). */
  CONFLICT: 'CONFLICT',
  /** An idempotency key sent again with a different request. */
  IDEMPOTENCY_KEY_REUSED: 'IDEMPOTENCY_KEY_REUSED',
  /** No valid token where one is needed (HTTP 401). */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** A valid token without the role the operation needs (HTTP 403). */
  FORBIDDEN: 'FORBIDDEN',
  BAD_REQUEST: 'BAD_REQUEST',
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  OVERLOADED: 'OVERLOADED',
  DEADLINE_EXCEEDED: 'DEADLINE_EXCEEDED',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes that describe the service's state, not the request: HTTP 503, retry later. */
export const RETRYABLE_CODES: ReadonlySet<ErrorCode> = new Set([
  ErrorCode.DATABASE_UNAVAILABLE,
  ErrorCode.OVERLOADED,
  ErrorCode.DEADLINE_EXCEEDED,
]);

/** Seconds a client should wait before retrying a retryable error. */
export const RETRY_AFTER_SECONDS = 2;

/** The `extensions.http` Apollo Server turns into the response's status and headers. */
const retryableHttp = () => ({ status: 503, headers: new HeaderMap([['retry-after', String(RETRY_AFTER_SECONDS)]]) });

/** An error the API raises deliberately; its message is written for the client. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    const retry = RETRYABLE_CODES.has(code) ? { retryable: true, http: retryableHttp() } : {};
    super(message, { extensions: { code, ...details, ...retry } });
    this.name = 'AppError';
  }

  get code(): ErrorCode {
    return this.extensions.code as ErrorCode;
  }
}

export const notFound = (what: string, id: string) =>
  new AppError(ErrorCode.NOT_FOUND, `No ${what} has the id "${id}".`, { id });

export const badInput = (argument: string, message: string) =>
  new AppError(ErrorCode.BAD_USER_INPUT, `${argument}: ${message}`, { argument });

export const limitExceeded = (message: string, details: Record<string, unknown> = {}) =>
  new AppError(ErrorCode.LIMIT_EXCEEDED, message, details);

export const databaseUnavailable = () =>
  new AppError(ErrorCode.DATABASE_UNAVAILABLE, 'The graph database is unavailable; try again shortly.');

export const overloaded = () =>
  new AppError(ErrorCode.OVERLOADED, 'The service is busy with other requests; try again shortly.');

export const deadlineExceeded = (ms: number) =>
  new AppError(
    ErrorCode.DEADLINE_EXCEEDED,
    `The request did not finish within ${ms} ms; try again shortly, or ask for less (fewer tiers or results).`,
    { deadlineMs: ms },
  );

/** The JSON body of an error answered outside GraphQL execution (HTTP-level refusals). */
export const errorBody = (code: ErrorCode | string, message: string, details: Record<string, unknown> = {}) => ({
  errors: [
    {
      message,
      extensions: { code, ...details, ...(RETRYABLE_CODES.has(code as ErrorCode) ? { retryable: true } : {}) },
    },
  ],
});
