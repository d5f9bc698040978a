/**
 * The measurements run once on the scaled graph after its phase: the per-request
 * overhead (bench/overhead/) first, on a machine the load has not heated yet, then the
 * open-loop load (bench/load/). run.ts calls these three functions; each section is
 * printed after the main report and added to --json under its own key.
 */
import type { Database } from '../src/db/database.js';
import type { BenchArgs } from './args.js';
import { type LoadResult, loadJson, loadReport, runLoad } from './load/load.js';
import type { ChildInit } from './child.js';
import type { Client } from './measure.js';
import { type OverheadResult, overheadJson, overheadReport, runOverhead } from './overhead/overhead.js';

export interface ScaledExtras {
  overhead: OverheadResult | null;
  load: LoadResult | null;
  /** Why a measurement stopped (a request failed or ran past its deadline); null when it ran or was skipped. */
  overheadError: string | null;
  loadError: string | null;
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function runScaledExtras(
  args: BenchArgs,
  settings: { client: Client; db: Database; apiUrl: string; floorUrl: string; childInit: ChildInit; log: (line: string) => void },
): Promise<ScaledExtras> {
  const timeoutMs = args.timeoutSeconds * 1000;
  // A failure here is reported in its section: it must not cost the run its main report.
  let overhead: OverheadResult | null = null;
  let overheadError: string | null = null;
  if (args.overhead) {
    settings.log('measuring the per-request overhead on the scaled graph');
    try {
      overhead = await runOverhead({ ...settings, timeoutMs, rounds: args.overheadRounds });
    } catch (error) {
      overheadError = message(error);
      settings.log(`  [overhead] stopped: ${overheadError}`);
    }
  }
  let load: LoadResult | null = null;
  let loadError: string | null = null;
  if (args.load) {
    settings.log(`running the open-loop load on the scaled graph (${args.loadSeconds} s per step)`);
    try {
      load = await runLoad({ ...settings, timeoutMs, seconds: args.loadSeconds });
    } catch (error) {
      loadError = message(error);
      settings.log(`  [load] stopped: ${loadError}`);
    }
  }
  return { overhead, load, overheadError, loadError };
}

/** The sections of the text report (empty when both were skipped). */
export function scaledExtrasReport(extras: ScaledExtras): string {
  const sections = [
    ...(extras.overhead ? [overheadReport(extras.overhead).join('\n')] : []),
    ...(extras.overheadError ? [`Per-request overhead: not measured, it stopped: ${extras.overheadError}`] : []),
    ...(extras.load ? [loadReport(extras.load).join('\n')] : []),
    ...(extras.loadError ? [`Open-loop load: not measured, it stopped: ${extras.loadError}`] : []),
  ];
  return sections.map((section) => `\n${section}\n`).join('');
}

/**
 * The keys added to --json: `overhead` and `openLoad` (`load` is the bulk load's), null when
 * skipped, `{error}` when stopped.
 */
export function scaledExtrasJson(extras: ScaledExtras): { overhead: unknown; openLoad: unknown } {
  return {
    overhead: extras.overhead ? overheadJson(extras.overhead) : extras.overheadError ? { error: extras.overheadError } : null,
    openLoad: extras.load ? loadJson(extras.load) : extras.loadError ? { error: extras.loadError } : null,
  };
}
