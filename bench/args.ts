/** The benchmark's command-line flags, checked, with their defaults. */
import { parseArgs } from 'node:util';

/** Rows per UNWIND batch when growing the graph (bench/README.md, "Bulk load"). */
export const WRITE_BATCH = 5000;

export interface BenchArgs {
  /** Timed requests per operation and phase. */
  iterations: number;
  /** Untimed requests per operation before timing. */
  warmup: number;
  /** Synthetic entities added for the scaled phase. */
  scale: number;
  /** Synthetic facts added for the scaled phase. */
  facts: number;
  /** An operation stops being timed after this long (once it has at least 5 samples). */
  budgetSeconds: number;
  /** A request running longer fails, and its operation is reported as timed out. */
  timeoutSeconds: number;
  /** Only the operations whose name contains one of these (case-insensitive); null for all. */
  only: string[] | null;
  /** Where to write the figures as JSON (see bench/README.md); null for none. */
  json: string | null;
  /** Run the open-loop load on the scaled graph (bench/load/). */
  load: boolean;
  /** Seconds each rate step of the load lasts. */
  loadSeconds: number;
  /** Run the per-request overhead measurement on the scaled graph (bench/overhead/). */
  overhead: boolean;
  /** Interleaved rounds of each overhead comparison. */
  overheadRounds: number;
  /** Only load the seed and grow the graph, report the bulk-load rate, time nothing. */
  growOnly: boolean;
  /** Rows per UNWIND batch (one transaction each) when growing the graph. */
  batchSize: number;
}

export const USAGE = `Usage: npm run bench -- [options]

  --iterations N      timed requests per operation and phase (default 30)
  --warmup N          untimed requests per operation first (default 5)
  --scale N           synthetic entities to add for the scaled phase (default 20000)
  --facts N           synthetic facts to add (default 5 × scale)
  --budget-seconds N  stop timing an operation after N seconds, once it has 5
                      samples (default 60)
  --timeout-seconds N stop a request (and its database query) after N seconds
                      and report the operation as timed out (default 30)
  --only TEXT         time only the operations whose name contains TEXT
                      (case-insensitive; repeat for several, e.g. --only paths)
  --json FILE         also write the figures to FILE as JSON: {load: {entities,
                      facts, seconds, entitiesPerSecond, factsPerSecond, ...},
                      operations: [{name, phase, scale, p50, p95, floorP50,
                      ratioToFloor, roundTrips, appRssMiB, floorRssMiB, ...}],
                      openLoad: {...}, overhead: {...}}
  --load-seconds N    seconds per rate step of the open-loop load on the scaled
                      graph (default 8; steps 10, 20, 40, 60, 80, 120, 160,
                      200, 240, 280, 320, 400, 480, 560, 640, 800 requests/s;
                      the API, a stock Apollo Server running the floor's
                      queries, and the floor, each stopping after its first
                      failing step)
  --no-load           skip the open-loop load
  --overhead-rounds N interleaved rounds of each per-request overhead comparison
                      (default 300)
  --no-overhead       skip the per-request overhead measurement
  --grow-only         load the seed, grow the graph and report the bulk-load rate
                      (entities/s, facts/s) without timing any operation; e.g.
                      --grow-only --scale 100000 --facts 1000000
  --batch-size N      rows per UNWIND batch (one transaction each) when growing
                      the graph (default ${WRITE_BATCH})
  --help              show this help`;

export class UsageError extends Error {
  override name = 'UsageError';
}

function positiveInt(flag: string, value: string | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${flag} must be a whole number of at least ${min}, got "${value}"`);
  return n;
}

function jsonPath(value: string | undefined): string | null {
  if (value === undefined) return null;
  if (value.trim() === '' || value.startsWith('--')) throw new UsageError(`--json needs a file name, got "${value}"`);
  return value;
}

/** Parses argv (without node and the script); null means --help was asked for. */
export function parseBenchArgs(argv: readonly string[]): BenchArgs | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        iterations: { type: 'string' },
        warmup: { type: 'string' },
        scale: { type: 'string' },
        facts: { type: 'string' },
        'budget-seconds': { type: 'string' },
        'timeout-seconds': { type: 'string' },
        only: { type: 'string', multiple: true },
        json: { type: 'string' },
        'load-seconds': { type: 'string' },
        'no-load': { type: 'boolean' },
        'overhead-rounds': { type: 'string' },
        'no-overhead': { type: 'boolean' },
        'grow-only': { type: 'boolean' },
        'batch-size': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) return null;
  const scale = positiveInt('scale', values.scale, 20_000, 100);
  const loadSeconds = positiveInt('load-seconds', values['load-seconds'], 8, 2);
  // Bounds the load's time (and so its request count: at most 320 × 60 per step and side).
  if (loadSeconds > 60) throw new UsageError(`--load-seconds must be at most 60, got "${values['load-seconds']}"`);
  return {
    iterations: positiveInt('iterations', values.iterations, 30),
    warmup: positiveInt('warmup', values.warmup, 5, 0),
    scale,
    facts: positiveInt('facts', values.facts, 5 * scale),
    budgetSeconds: positiveInt('budget-seconds', values['budget-seconds'], 60),
    timeoutSeconds: positiveInt('timeout-seconds', values['timeout-seconds'], 30),
    only: values.only && values.only.length > 0 ? values.only.map((text) => text.toLowerCase()) : null,
    json: jsonPath(values.json),
    load: values['no-load'] !== true,
    loadSeconds,
    overhead: values['no-overhead'] !== true,
    overheadRounds: positiveInt('overhead-rounds', values['overhead-rounds'], 300, 10),
    growOnly: values['grow-only'] ?? false,
    batchSize: positiveInt('batch-size', values['batch-size'], WRITE_BATCH),
  };
}
