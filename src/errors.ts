/**
 * The public error codes of the API and the errors thrown on purpose. Anything else
 * that reaches a client is masked as INTERNAL_SERVER_ERROR (see server.ts), so driver
 * messages, Cypher and stack traces never leave the process outside development.
 */
import { GraphQLError } from 'graphql';

export const ErrorCode = {
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  LIMIT_EXCEEDED: 'LIMIT_EXCEEDED',
  DATABASE_UNAVAILABLE: 'DATABASE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** An error the API raises deliberately; its message is written for the client. */
export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...details } });
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
