/**
 * Attack corpus: operations built to cost the server CPU or memory before any data is
 * read — fragment bombs, the interface chain, alias/depth/directive floods, batching,
 * circular fragments, parser recursion, a 1 MB document, and operation types the schema
 * lacks. Each runs alone while the health probe measures how long the event loop stalls.
 * A request without an answer by its deadline is a hang: the service is restarted, and
 * bigger instances of the same attack are skipped.
 */
import { type Answer, errorCodes, isSuccess, percentile, postGraphql, sleep } from '../lib/http.js';
import { HEALTH_QUERY, HealthProbe } from '../lib/probe.js';
import { ms, printTally, Tally } from '../lib/report.js';
import type { Suite } from '../lib/suite.js';

const SCENARIO = 'attacks';

/** Returns what is wrong with the answer beyond the general rules, or undefined. */
type Expectation = (answer: Answer) => string | undefined;

const any: Expectation = () => undefined;
const rejected: Expectation = (a) =>
  a.status >= 400 && a.status < 500 && errorCodes(a).length > 0 ? undefined : `expected a 4xx rejection, got ${a.status}`;
const accepted: Expectation = (a) => (isSuccess(a) ? undefined : `expected 200 with data, got ${a.status} ${errorCodes(a).join('+')}`);
const tooLarge: Expectation = (a) => (a.status === 413 ? undefined : `expected 413, got ${a.status}`);
/** An operation type the schema lacks is the client's mistake: 400 with a client code. */
const clientMistake: Expectation = (a) => {
  const codes = errorCodes(a);
  return a.status === 400 && codes.length > 0 && codes.every((c) => c === 'BAD_REQUEST' || c === 'GRAPHQL_VALIDATION_FAILED')
    ? undefined
    : `expected 400 BAD_REQUEST or GRAPHQL_VALIDATION_FAILED, got ${a.status} ${codes.join('+')}`;
};

const unauthenticated: Expectation = (a) => {
  const codes = errorCodes(a);
  return a.status === 401 && codes.length > 0 && codes.every((c) => c === 'UNAUTHENTICATED')
    ? undefined
    : `expected 401 UNAUTHENTICATED, got ${a.status} ${codes.join('+')}`;
};

interface Attack {
  name: string;
  body: unknown;
  expect: Expectation;
  /** Attacks of one series grow; after one hangs, the bigger ones are skipped. */
  series?: string;
}

const ID = 'company:bmw';

/** A selection exactly `d` fields deep: entity > relationships > from > relationships > … > id. */
function chain(d: number): string {
  let inner = 'id';
  for (let level = d - 1; level >= 2; level -= 1) inner = `${level % 2 === 0 ? 'relationships(first: 1)' : 'from'} { ${inner} }`;
  return `entity(id: "${ID}") { ${inner} }`;
}
const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const nested = (d: number, open: string, close: string, leaf: string) => open.repeat(d) + leaf + close.repeat(d);

/** `...F0` spreads F1 twice, which spreads F2 twice, …: 2^k copies of the leaf from a document of k lines. */
function fragmentBomb(k: number, leaf: string): string {
  const lines = ['query { ...F0 }'];
  for (let i = 0; i < k; i++) lines.push(`fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }`);
  lines.push(`fragment F${k} on Query { ${leaf} }`);
  return lines.join('\n');
}

function corpus(suite: Suite): Attack[] {
  const { bombKs, typenameBombKs, extra } = suite.settings.attacks;
  const attacks: Attack[] = [
    { name: 'depth 13', body: { query: `{ ${chain(13)} }` }, expect: rejected },
    { name: 'depth 50', body: { query: `{ ${chain(50)} }` }, expect: rejected },
    { name: 'depth 100', body: { query: `{ ${chain(100)} }` }, expect: rejected },
    {
      name: 'depth 13 through fragments',
      body: {
        query: `{ entity(id: "${ID}") { ...R } } fragment R on Entity { relationships(first: 1) { from { ...S } } } fragment S on Entity { relationships(first: 1) { from { relationships(first: 1) { from { relationships(first: 1) { from { relationships(first: 1) { from { relationships(first: 1) { from { id } } } } } } } } } } }`,
      },
      expect: rejected,
    },
    { name: 'parser recursion: 2000 nested selections', body: { query: `{ ${nested(2000, 'entity(id: "x") { ', ' }', 'id')} }` }, expect: rejected },
    { name: 'parser recursion: list literal 20k deep', body: { query: `{ search(query: ${nested(20_000, '[', ']', '"x"')}) { score } }` }, expect: rejected },
    { name: 'aliases 30 (the limit)', body: { query: aliases(30, 'health { status }') }, expect: accepted },
    { name: 'aliases 31', body: { query: aliases(31, 'health { status }') }, expect: rejected },
    { name: 'aliases 100 × search', body: { query: aliases(100, 'search(query: "magnesium", first: 50) { score entity { id name } }') }, expect: rejected },
    { name: 'aliases 1000 × health', body: { query: aliases(1000, 'health { status }') }, expect: rejected },
    { name: '500 @skip directives', body: { query: `{ health ${'@skip(if: false) '.repeat(500)}{ status } }` }, expect: rejected },
    { name: '500 @include directives', body: { query: `{ health { status } ${'__typename @include(if: true) '.repeat(500)}}` }, expect: any },
    { name: 'batch of 2', body: [{ query: '{ health { status } }' }, { query: '{ health { status } }' }], expect: rejected },
    { name: 'batch of 1000', body: Array.from({ length: 1000 }, () => ({ query: '{ health { status } }' })), expect: rejected },
    { name: 'circular fragments A <-> B', body: { query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A health { status } }' }, expect: rejected },
    { name: 'self-spreading fragment', body: { query: '{ ...A } fragment A on Query { health { status } ...A }' }, expect: rejected },
    { name: '1 MB document', body: { query: `{ ${'__typename '.repeat(95_000)}}` }, expect: tooLarge },
    { name: 'mutation without a token', body: { query: 'mutation { __typename }' }, expect: unauthenticated },
    { name: 'subscription (the schema has none)', body: { query: 'subscription { __typename }' }, expect: clientMistake },
  ];
  if (extra) {
    attacks.push(
      { name: 'depth 20', body: { query: `{ ${chain(20)} }` }, expect: rejected },
      { name: 'parser recursion: object literal 5k deep', body: { query: `{ entities(filter: ${nested(5000, '{kinds: ', '}', '[COMPANY]')}) { totalCount } }` }, expect: rejected },
      { name: 'aliases 1000 × __typename', body: { query: aliases(1000, '__typename') }, expect: rejected },
      { name: '500 unknown directives', body: { query: `{ health ${Array.from({ length: 500 }, (_, i) => `@d${i}`).join(' ')} { status } }` }, expect: rejected },
      { name: '1400 distinct fragments', body: { query: `{ ${Array.from({ length: 1400 }, (_, i) => `...f${i}`).join(' ')} } ${Array.from({ length: 1400 }, (_, i) => `fragment f${i} on Query { __typename }`).join(' ')}` }, expect: any },
      { name: '3300 overlapping health { status }', body: { query: `{ ${'health { status } '.repeat(3300)}}` }, expect: any },
      { name: '1500 overlapping fields with arguments', body: { query: `{ ${`entity(id: "${ID}") { id } `.repeat(1500)}}` }, expect: any },
      { name: '30k unknown fields', body: { query: `{ ${'a '.repeat(30_000)}}` }, expect: rejected },
      { name: 'introspection 4 list levels', body: { query: '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }' }, expect: rejected },
    );
  }
  // Stall-prone on a server whose analysis is exponential: last, each series smallest first,
  // the interface chain × 30 (which hangs at any size on such a server) at the very end.
  attacks.push({ name: 'depth 12 (the limit), one interface chain', body: { query: `{ ${chain(12)} }` }, expect: any, series: 'interface chain' });
  for (const k of bombKs) attacks.push({ name: `fragment bomb k=${k}, health { status } leaf`, body: { query: fragmentBomb(k, 'health { status }') }, expect: any, series: 'bomb health' });
  for (const k of typenameBombKs) attacks.push({ name: `fragment bomb k=${k}, __typename leaf`, body: { query: fragmentBomb(k, '__typename') }, expect: any, series: 'bomb typename' });
  if (extra) attacks.push({ name: 'interface chain depth 12 × 10 aliases', body: { query: `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: ${chain(12)}`).join(' ')} }` }, expect: any, series: 'interface chain' });
  attacks.push({ name: 'interface chain depth 12 × 30 aliases', body: { query: `{ ${Array.from({ length: 30 }, (_, i) => `a${i}: ${chain(12)}`).join(' ')} }` }, expect: any, series: 'interface chain' });
  return attacks;
}

export async function runAttacks(suite: Suite): Promise<void> {
  const { service, ledger, settings } = suite;
  const { timeoutMs, budgetMs } = settings.attacks;
  const probeTimeoutMs = Math.max(5000, settings.stallMs * 2);
  const deadline = Date.now() + budgetMs;
  const tally = new Tally();
  const healthTally = new Tally();
  const healthLatencies: number[] = [];
  const hungSeries = new Set<string>();
  let restarts = 0;
  const notRun: string[] = [];
  let worstStall = { ms: 0, attack: '' };

  // On a busy shared machine an idle probe can take a second or more; a stall is what
  // stands out from that: the larger of settings.stallMs and 4 × the idle p95.
  const idle: number[] = [];
  for (let i = 0; i < 20; i++) {
    const answer = await postGraphql(service.url, HEALTH_QUERY, probeTimeoutMs);
    idle.push(answer.timedOut ? probeTimeoutMs : answer.ms);
    await sleep(50);
  }
  const idleP95 = percentile(idle, 95);
  const stallMs = Math.max(settings.stallMs, Math.round(4 * idleP95));
  console.log(`  idle health probe p50 ${ms(percentile(idle, 50))}, p95 ${ms(idleP95)}: a probe slower than ${ms(stallMs)} during an attack is a stall`);

  for (const attack of corpus(suite)) {
    if (attack.series && hungSeries.has(attack.series)) {
      console.log(`  skip  ${attack.name} (a smaller one of the series hung)`);
      continue;
    }
    if (attack.series && restarts >= settings.attacks.maxRestarts) {
      notRun.push(attack.name);
      continue;
    }
    if (Date.now() > deadline) {
      ledger.check(SCENARIO, 'within the scenario budget', false, `${budgetMs / 1000} s spent before "${attack.name}"; the rest did not run`);
      break;
    }
    const probe = new HealthProbe(service.url, { timeoutMs: probeTimeoutMs });
    await sleep(100);
    const answer = await postGraphql(service.url, attack.body, timeoutMs);
    await sleep(100);
    const health = await probe.stop();
    const violations = tally.add(answer, attack.name);
    for (const [k, n] of health.tally.byCode) healthTally.byCode.set(k, (healthTally.byCode.get(k) ?? 0) + n);
    for (const [k, n] of health.tally.byStatus) healthTally.byStatus.set(k, (healthTally.byStatus.get(k) ?? 0) + n);
    healthTally.answers += health.tally.answers;
    healthLatencies.push(...health.latencies);
    if (health.max > worstStall.ms) worstStall = { ms: health.max, attack: attack.name };

    const problems: string[] = [...violations];
    if (!answer.timedOut && answer.status !== 0) {
      const unexpected = attack.expect(answer);
      if (unexpected) problems.push(unexpected);
    }
    if (health.max > stallMs) problems.push(`event loop stalled: health probe took ${ms(health.max)}${health.timeouts ? ` (${health.timeouts} without answer)` : ''}`);
    const outcome = answer.timedOut
      ? `no answer within ${timeoutMs / 1000} s`
      : `${answer.status} ${[...new Set(errorCodes(answer))].join('+') || 'data'} in ${ms(answer.ms)}`;
    const bytes = JSON.stringify(attack.body).length;
    ledger.check(SCENARIO, attack.name, problems.length === 0, `${outcome}; ${bytes} B; health max ${ms(health.max)}${problems.length ? ` — ${problems.join('; ')}` : ''}`);
    if (answer.timedOut || health.timeouts > 0) {
      if (attack.series) hungSeries.add(attack.series);
      restarts += 1;
      if (!(await suite.ensureResponsive(`${SCENARIO}: ${attack.name}`))) return;
    }
  }
  if (notRun.length) {
    // Each hang costs a restart of the service; the CI form allows only a few.
    ledger.check(SCENARIO, `stall-prone attacks not run after ${restarts} hangs`, false, notRun.join('; '));
  }

  console.log('  figures:');
  printTally('attack answers', tally);
  printTally('health probes during the attacks', healthTally);
  const p99 = percentile(healthLatencies, 99);
  console.log(`    health probe (event-loop stall proxy): max ${ms(worstStall.ms)} (during "${worstStall.attack}"), p99 ${ms(p99)}; target < 200 ms, fails above ${stallMs} ms`);
}
