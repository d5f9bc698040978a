/** Structured logs (pino) for the server; command-line tools print plain lines instead. */
import { pino } from 'pino';

export type Logger = pino.Logger;

/** A JSON logger at `level`, to stdout unless a destination is given (tests capture lines). */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  const options = { level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime };
  return destination ? pino(options, destination) : pino(options);
}
