/**
 * Runs a command-line entry point: an expected failure (bad configuration, database
 * unreachable, invalid seed) prints as one line, or a short list, and exits non-zero.
 * Stack traces are printed only with DEBUG=1, so users read a message, not a trace.
 */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`error: ${message}`);
      if (process.env.DEBUG === '1' && error instanceof Error) console.error(error.stack);
      process.exit(1);
    },
  );
}
