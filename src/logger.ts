/** Structured logs (pino) for the server; command-line tools print plain lines instead. */
import { pino } from 'pino';
import { currentRequest } from './observability/request-context.js';

export type Logger = pino.Logger;

/**
 * Where a secret could sit in something logged: credentials in request headers, tokens,
 * keys, and the auth settings. Nothing logs them on purpose; this keeps an error that
 * carries a request or the configuration from writing them out.
 */
export const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'headers["x-api-key"]',
  'headers["idempotency-key"]',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'request.headers.authorization',
  'request.headers["x-api-key"]',
  '*.headers.authorization',
  '*.headers["x-api-key"]',
  'token',
  '*.token',
  'apiKey',
  '*.apiKey',
  'secret',
  '*.secret',
  'auth',
  'config.auth',
  'jwt',
  '*.jwt',
];

/** A JSON logger at `level`, to stdout unless a destination is given (tests capture lines). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Every line logged while serving a request carries its id, whoever logs it.
    mixin: () => {
      const request = currentRequest();
      return request ? { requestId: request.id } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
