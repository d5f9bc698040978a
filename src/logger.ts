/** Structured logs (pino) for the server; command-line tools print plain lines instead. */
import { pino } from 'pino';
import { currentRequest } from './observability/request-context.js';

export type Logger = pino.Logger;

/** A JSON logger at `level`, to stdout unless a destination is given (tests capture lines). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = {
    level,
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
    // Every line logged while serving a request carries its id, whoever logs it.
    mixin: () => {
      const request = currentRequest();
      return request ? { requestId: request.id } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
