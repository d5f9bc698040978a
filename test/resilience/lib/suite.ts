/** What every scenario gets: the running service, the ledger, the mode's settings and budgets. */
import { postGraphql } from './http.js';
import type { Ledger } from './report.js';
import type { Service } from './service.js';

/**
 * Request deadlines are above the server's own query timeout (NEO4J_QUERY_TIMEOUT_MS,
 * 15 s by default), so a query the server gives up on is an answer, not a hang.
 */
export interface Settings {
  mode: 'ci' | 'full';
  /** A health probe slower than this is an event-loop stall (a gross hang, not noise). */
  stallMs: number;
  startTimeoutMs: number;
  attacks: {
    timeoutMs: number;
    budgetMs: number;
    bombKs: number[];
    typenameBombKs: number[];
    extra: boolean;
    /** Each hang needs a restart of the service; after this many, the remaining stall-prone attacks are skipped (and fail). */
    maxRestarts: number;
  };
  malformed: { count: number; heavy: number; concurrency: number; timeoutMs: number; budgetMs: number };
  injection: { allTargets: boolean; concurrency: number; timeoutMs: number; budgetMs: number };
  pool: { clients: number; seconds: number; timeoutMs: number; probeTimeoutMs: number };
  outage: { rps: number; preS: number; dbBackBoundS: number; recoverBoundS: number; targetRecoverS: number; postS: number; timeoutMs: number };
}

export const SETTINGS: Record<'ci' | 'full', Settings> = {
  ci: {
    mode: 'ci',
    stallMs: 2000,
    startTimeoutMs: 300_000,
    attacks: { timeoutMs: 15_000, budgetMs: 300_000, bombKs: [12, 18, 24, 30], typenameBombKs: [18, 30], extra: false, maxRestarts: 3 },
    malformed: { count: 1000, heavy: 2, concurrency: 12, timeoutMs: 30_000, budgetMs: 90_000 },
    injection: { allTargets: false, concurrency: 8, timeoutMs: 30_000, budgetMs: 90_000 },
    pool: { clients: 40, seconds: 12, timeoutMs: 30_000, probeTimeoutMs: 10_000 },
    outage: { rps: 20, preS: 5, dbBackBoundS: 60, recoverBoundS: 60, targetRecoverS: 5, postS: 10, timeoutMs: 30_000 },
  },
  full: {
    mode: 'full',
    stallMs: 2000,
    startTimeoutMs: 600_000,
    attacks: { timeoutMs: 30_000, budgetMs: 600_000, bombKs: [10, 14, 18, 20, 22, 26, 30], typenameBombKs: [16, 20, 22, 26, 30], extra: true, maxRestarts: 10 },
    malformed: { count: 3000, heavy: 5, concurrency: 16, timeoutMs: 30_000, budgetMs: 300_000 },
    injection: { allTargets: true, concurrency: 8, timeoutMs: 30_000, budgetMs: 480_000 },
    pool: { clients: 40, seconds: 20, timeoutMs: 60_000, probeTimeoutMs: 10_000 },
    outage: { rps: 20, preS: 10, dbBackBoundS: 120, recoverBoundS: 60, targetRecoverS: 5, postS: 30, timeoutMs: 60_000 },
  },
};

export interface Suite {
  service: Service;
  ledger: Ledger;
  settings: Settings;
  /**
   * Makes sure the service answers a health probe; if it is stalled or dead (a previous
   * attack hung it), kills it and starts it again, so later checks still run. Returns
   * false when it could not be brought back.
   */
  ensureResponsive(scenario: string): Promise<boolean>;
}

export function makeSuite(service: Service, ledger: Ledger, settings: Settings): Suite {
  return {
    service,
    ledger,
    settings,
    async ensureResponsive(scenario) {
      if (service.exited === undefined) {
        const answer = await postGraphql(service.url, { query: '{ __typename }' }, 3000);
        if (answer.status === 200) return true;
        console.log(`  (the service did not answer within 3 s after ${scenario}: killing it and starting it again)`);
      } else {
        ledger.check(scenario, 'the service stays up', false, `it exited with code ${service.exited}\n${service.tail()}`);
      }
      try {
        const started = Date.now();
        await service.restart(settings.startTimeoutMs);
        console.log(`  (service restarted in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
        return true;
      } catch (error) {
        ledger.check(scenario, 'the service can be started again', false, (error as Error).message);
        return false;
      }
    },
  };
}
