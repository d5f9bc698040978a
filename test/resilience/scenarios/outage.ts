/**
 * Database kill and restart under load: a steady mix of reads (open loop, ~20 req/s),
 * then SIGKILL of the service's Neo4j JVM. The service's own supervision must start
 * Neo4j again (detected by polling Bolt directly), and the API must answer successfully
 * soon after the database is back. While the database is away, answers must be proper
 * 503s (DATABASE_UNAVAILABLE, OVERLOADED or DEADLINE_EXCEEDED with Retry-After), never
 * INTERNAL_SERVER_ERROR, another 5xx, or no answer at all.
 */
import { type Answer, isSuccess, postGraphql, sleep } from '../lib/http.js';
import { databaseAnswers } from '../lib/graph.js';
import { fmtCounts, ms, printExamples, printTally, Tally } from '../lib/report.js';
import type { Suite } from '../lib/suite.js';

const SCENARIO = 'outage';

const MIX = [
  '{ search(query: "magnesium", first: 10) { score entity { id name } } }',
  '{ entity(id: "company:yimeitai") { id name ... on Company { customers { entity { name } } } } }',
  '{ upstream(id: "company:bmw", maxDepth: 3) { total tiers { tier entities { entity { name } } } } }',
  '{ dependencyPaths(from: "company:bmw", to: "technology:pidgeon-process", k: 2) { length nodes { name } } }',
  '{ subgraph(ids: ["company:yimeitai"], depth: 2, limit: 50) { nodes { id } edges { id } } }',
  '{ entities(orderBy: DEGREE_DESC, first: 5) { totalCount edges { node { name } } } }',
  '{ health { status } }',
];
const PLAIN = { query: '{ entity(id: "company:bmw") { id name } }' };
/** The open loop never has more than this many requests in flight (a client-side bound). */
const MAX_IN_FLIGHT = 600;

interface Sample {
  sentAt: number;
  doneAt: number;
  answer: Answer;
}

export async function runOutage(suite: Suite): Promise<void> {
  const { service, ledger, settings } = suite;
  const { rps, preS, dbBackBoundS, recoverBoundS, targetRecoverS, postS, timeoutMs } = settings.outage;
  const t0 = Date.now();
  const at = (t: number) => `${((t - t0) / 1000).toFixed(1)} s`;
  const samples: Sample[] = [];
  const inFlight = new Set<Promise<void>>();
  let notSent = 0;
  let i = 0;
  const load = setInterval(() => {
    if (inFlight.size >= MAX_IN_FLIGHT) {
      notSent += 1;
      return;
    }
    const sentAt = Date.now();
    const p = postGraphql(service.url, { query: MIX[i++ % MIX.length] }, timeoutMs).then((answer) => {
      samples.push({ sentAt, doneAt: Date.now(), answer });
    });
    inFlight.add(p);
    void p.finally(() => inFlight.delete(p));
  }, 1000 / rps);

  let killedAt = 0;
  let dbBackAt: number | undefined;
  let recoveredAt: number | undefined;
  try {
    await sleep(preS * 1000);
    const pid = service.jvmPid();
    if (pid === undefined) {
      ledger.check(SCENARIO, 'the Neo4j JVM can be found', false, `no java process of ${service.dir} (neo4j.pid, Bolt port ${service.boltPort})`);
      return;
    }
    console.log(`  [${at(Date.now())}] SIGKILL to the Neo4j JVM, pid ${pid} (found through ${service.jvmPidSource()})`);
    process.kill(pid, 'SIGKILL');
    killedAt = Date.now();

    // Wait for the service's supervision to bring the database back; poll Bolt directly.
    await sleep(1000);
    while (Date.now() - killedAt < dbBackBoundS * 1000) {
      if (await databaseAnswers(service.bolt, 2000)) {
        dbBackAt = Date.now();
        break;
      }
      if (service.exited !== undefined) break;
      await sleep(250);
    }
    if (dbBackAt === undefined) {
      console.log(`  [${at(Date.now())}] the database is not back ${dbBackBoundS} s after the kill`);
    } else {
      const newPid = service.jvmPid();
      console.log(`  [${at(dbBackAt)}] the database answers again (${((dbBackAt - killedAt) / 1000).toFixed(1)} s after the kill; JVM pid ${newPid ?? '?'})`);
      // How soon does the API answer a plain read successfully?
      while (Date.now() - dbBackAt < recoverBoundS * 1000) {
        const answer = await postGraphql(service.url, PLAIN, 5000);
        if (isSuccess(answer)) {
          recoveredAt = Date.now();
          break;
        }
        await sleep(200);
      }
      if (recoveredAt !== undefined) {
        console.log(`  [${at(recoveredAt)}] the API answers successfully again`);
        await sleep(postS * 1000); // keep the load on, to see errors that linger after recovery
      }
    }
  } finally {
    clearInterval(load);
    await Promise.allSettled([...inFlight]);
  }

  const windows: Array<[string, (s: Sample) => boolean]> = [
    ['sent before the kill', (s) => s.sentAt < killedAt],
    ['sent kill → database back', (s) => s.sentAt >= killedAt && (dbBackAt === undefined || s.sentAt < dbBackAt)],
    ['sent database back → recovered', (s) => dbBackAt !== undefined && s.sentAt >= dbBackAt && (recoveredAt === undefined || s.sentAt < recoveredAt)],
    ['sent after recovery', (s) => recoveredAt !== undefined && s.sentAt >= recoveredAt],
  ];
  const all = new Tally();
  for (const s of samples) all.add(s.answer, `sent at ${at(s.sentAt)}`);
  console.log('  figures:');
  printTally(`mixed reads at ${rps} req/s over ${((Date.now() - t0) / 1000).toFixed(0)} s${notSent ? ` (${notSent} not sent: ${MAX_IN_FLIGHT} in flight)` : ''}`, all);
  for (const [name, inWindow] of windows) {
    const part = new Tally();
    for (const s of samples.filter(inWindow)) part.add(s.answer, name);
    if (part.answers) console.log(`    ${name.padEnd(30)} ${fmtCounts(part.byCode)}; statuses ${fmtCounts(part.byStatus)}`);
  }
  const failuresAfter = recoveredAt === undefined ? [] : samples.filter((s) => s.sentAt >= recoveredAt! && !isSuccess(s.answer));
  if (dbBackAt !== undefined) {
    console.log(`    database down for ${((dbBackAt - killedAt) / 1000).toFixed(1)} s (kill → Bolt answers)`);
    console.log(`    time to recover after the database is back: ${recoveredAt === undefined ? `not within ${recoverBoundS} s` : ms(recoveredAt - dbBackAt)} (target ${targetRecoverS} s)`);
    console.log(`    failures sent after recovery: ${failuresAfter.length}${failuresAfter.length ? `, the last answered ${ms(Math.max(...failuresAfter.map((s) => s.doneAt)) - recoveredAt!)} after it` : ''}`);
  }

  const ok = all.violationCount() === 0;
  ledger.check(SCENARIO, 'every answer during the outage is data or a proper 503, nothing internal, no hang', ok, ok ? `${all.answers} answers` : all.violationSummary());
  if (!ok) printExamples(all);
  // Every read in the mix is within the limits: LIMIT_EXCEEDED ("ask for less") would blame the client for the outage.
  const limit = [...all.byCode].filter(([k]) => k.includes('LIMIT_EXCEEDED')).reduce((n, [, c]) => n + c, 0);
  ledger.check(SCENARIO, 'no LIMIT_EXCEEDED for in-limit reads (the outage is not the client\'s fault)', limit === 0, limit ? `${limit} answers` : '');
  ledger.check(SCENARIO, `the service restarts its Neo4j within ${dbBackBoundS} s of the kill`, dbBackAt !== undefined, dbBackAt === undefined ? `Bolt did not answer; service ${service.exited === undefined ? 'still running' : `exited (${service.exited})`}` : `${((dbBackAt - killedAt) / 1000).toFixed(1)} s`);
  if (dbBackAt !== undefined) {
    ledger.check(SCENARIO, `the API answers successfully within ${recoverBoundS} s after the database is back`, recoveredAt !== undefined, recoveredAt === undefined ? 'it did not' : `${ms(recoveredAt - dbBackAt)}${recoveredAt - dbBackAt > targetRecoverS * 1000 ? ` (over the ${targetRecoverS} s target)` : ''}`);
  }
}
