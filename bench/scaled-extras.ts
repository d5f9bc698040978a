/**
 * The measurements run once on the scaled graph after its phase: the per-request
 * overhead (bench/overhead/) first, on a machine the load has not heated yet, then the
 * open-loop load (bench/load/). run.ts calls these three functions; each section is
 * printed after the main report and added to --json under its own key.
 */
import type { Database } from '../src/db/database.js';
import type { BenchArgs } from './args.js';
import { type LoadResult, loadJson, loadReport, runLoad } from './load/load.js';
import type { Client } from './measure.js';
import { type OverheadResult, overheadJson, overheadReport, runOverhead } from './overhead/overhead.js';

export interface ScaledExtras {
  overhead: OverheadResult | null;
  load: LoadResult | null;
}

export async function runScaledExtras(
  args: BenchArgs,
  settings: { client: Client; db: Database; apiUrl: string; floorUrl: string; log: (line: string) => void },
): Promise<ScaledExtras> {
  const timeoutMs = args.timeoutSeconds * 1000;
  let overhead: OverheadResult | null = null;
  if (args.overhead) {
    settings.log('measuring the per-request overhead on the scaled graph');
    overhead = await runOverhead({ ...settings, timeoutMs, rounds: args.overheadRounds });
  }
  let load: LoadResult | null = null;
  if (args.load) {
    settings.log(`running the open-loop load on the scaled graph (${args.loadSeconds} s per step)`);
    load = await runLoad({ ...settings, seconds: args.loadSeconds });
  }
  return { overhead, load };
}

/** The sections of the text report (empty when both were skipped). */
export function scaledExtrasReport(extras: ScaledExtras): string {
  const sections = [
    ...(extras.overhead ? [overheadReport(extras.overhead).join('\n')] : []),
    ...(extras.load ? [loadReport(extras.load).join('\n')] : []),
  ];
  return sections.map((section) => `\n${section}\n`).join('');
}

/** The keys added to --json: `overhead` and `load`, null when skipped. */
export function scaledExtrasJson(extras: ScaledExtras): { overhead: unknown; load: unknown } {
  return {
    overhead: extras.overhead ? overheadJson(extras.overhead) : null,
    load: extras.load ? loadJson(extras.load) : null,
  };
}
