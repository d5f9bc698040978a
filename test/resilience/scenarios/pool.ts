/**
 * Pool exhaustion: many clients loop an operation with 30 aliases of a database-heavy
 * field (30 sessions per request against a driver pool of 100) for a bounded time, while
 * the health probe runs. The server may shed load (503 OVERLOADED with Retry-After) but
 * must not answer INTERNAL_SERVER_ERROR, any other 5xx, or nothing; every health probe
 * must get a proper answer; and a plain request must succeed after the burst. How long
 * things took is printed as figures, never asserted: the request and probe timeouts are
 * hang guards only.
 */
import { isSuccess, percentile, pollUntil, postGraphql } from '../lib/http.js';
import { HealthProbe } from '../lib/probe.js';
import { ms, printExamples, printTally, Tally } from '../lib/report.js';
import type { Suite } from '../lib/suite.js';

const SCENARIO = 'pool';

const IDS = ['country:china', 'commodity:magnesium-ingot', 'commodity:primary-magnesium', 'country:united-states', 'commodity:magnesium-alloy', 'sector:automotive', 'commodity:magnesium', 'region:europe', 'company:magrathea', 'project:minago'];
const field = (i: number) => `subgraph(ids: ["${IDS[i % IDS.length]}"], depth: 3, limit: 500) { truncated nodes { id } }`;
const HEAVY = { query: `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }` };
const SINGLE = { query: `{ ${field(0)} }` };
/** Plain requests tried after the burst, 250 ms apart (each with its own hang guard). */
const RECOVERY_ATTEMPTS = 60;

export async function runPool(suite: Suite): Promise<void> {
  const { service, ledger, settings } = suite;
  const { clients, seconds, timeoutMs, probeTimeoutMs } = settings.pool;
  const tally = new Tally();
  const stopAt = Date.now() + seconds * 1000;
  const probe = new HealthProbe(service.url, { timeoutMs: probeTimeoutMs });
  const client = async () => {
    while (Date.now() < stopAt) tally.add(await postGraphql(service.url, HEAVY, timeoutMs), '30 × subgraph');
  };
  await Promise.all(Array.from({ length: clients }, client));
  const health = await probe.stop();

  // Recovery: does a plain request succeed after the burst (and, as a figure, how soon)?
  const burstEnded = performance.now();
  let attempts = 0;
  const recovered = await pollUntil(async () => {
    attempts += 1;
    return isSuccess(await postGraphql(service.url, SINGLE, 10_000));
  }, RECOVERY_ATTEMPTS, 250);
  const recoveryMs = performance.now() - burstEnded;

  const p = (list: number[], q: number) => percentile(list, q * 100);
  console.log('  figures:');
  printTally(`${clients} clients × 30-alias subgraph for ${seconds} s`, tally);
  console.log(`    latency p50 ${ms(p(tally.latencies, 0.5))}, p99 ${ms(p(tally.latencies, 0.99))}, max ${ms(p(tally.latencies, 1))}`);
  printTally('health probes during the storm', health.tally);
  console.log(`    health probe p50 ${ms(p(health.latencies, 0.5))}, p99 ${ms(p(health.latencies, 0.99))}, max ${ms(health.max)}; ${health.timeouts} without any answer (hang guard ${probeTimeoutMs / 1000} s)`);
  console.log(`    after the burst: ${recovered ? `a plain request succeeded at attempt ${attempts}, after ${ms(recoveryMs)}` : `no plain request succeeded in ${attempts} attempts`}`);

  const ok = tally.violationCount() === 0;
  ledger.check(SCENARIO, 'every answer under exhaustion is data or a proper 503, nothing internal, no hang', ok, ok ? `${tally.answers} answers` : tally.violationSummary());
  if (!ok) printExamples(tally);
  // The operation is within every limit: overload is not the client's fault (OVERLOADED or DEADLINE_EXCEEDED, not LIMIT_EXCEEDED).
  const limit = [...tally.byCode].filter(([k]) => k.includes('LIMIT_EXCEEDED')).reduce((n, [, c]) => n + c, 0);
  ledger.check(SCENARIO, 'no LIMIT_EXCEEDED for an in-limit operation under overload', limit === 0, limit ? `${limit} answers` : '');
  const healthOk = health.tally.violationCount() === 0;
  ledger.check(SCENARIO, 'every health probe gets a proper answer during the storm', healthOk, healthOk ? `${health.latencies.length} probes` : health.tally.violationSummary());
  if (!healthOk) printExamples(health.tally);
  ledger.check(SCENARIO, 'a plain request succeeds after the burst', recovered, recovered ? `attempt ${attempts}` : `none of ${attempts} attempts did`);
}
