/**
 * Malformed requests: a bounded corpus of broken or hostile HTTP requests to /graphql
 * (invalid JSON, wrong content types and charsets, gzip garbage, zstd, empty bodies,
 * variables of the wrong shape, batches, odd methods, APQ with a bad hash or version,
 * GET mutations, …), sent several at a time. Every answer must follow the general rules:
 * a prompt JSON error in the GraphQL shape, no 5xx, nothing internal.
 */
import { randomBytes } from 'node:crypto';
import zlib from 'node:zlib';
import { type RawRequest, send } from '../lib/http.js';
import { HealthProbe } from '../lib/probe.js';
import { fmtCounts, ms, printExamples, printTally, Tally } from '../lib/report.js';
import type { Suite } from '../lib/suite.js';

const SCENARIO = 'malformed';

const Q = '{ search(query: "yimei") { entity { id name } } }';
const CT = { 'content-type': 'application/json' };
const J = (o: unknown) => Buffer.from(JSON.stringify(o));
const deep = (d: number, open: string, close: string, leaf = '1') => open.repeat(d) + leaf + close.repeat(d);

/** A small seeded PRNG: the same corpus on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return (n: number) => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
}

type Request = Omit<RawRequest, 'timeoutMs'> & { variant?: string };
type Generator = (rnd: (n: number) => number) => Request;
const pick = <T>(rnd: (n: number) => number, list: T[]): T => list[rnd(list.length)]!;

const GENERATORS: Record<string, Generator> = {
  invalid_json: (rnd) => {
    const good = JSON.stringify({ query: Q });
    const variants = [good.slice(0, 1 + rnd(good.length - 1)), '{', '{"query":', "{'query':'{ health { status } }'}", '{"query":"{ health { status } }",}', 'null', '[]', '"just a string"', '123', 'true', '{"query": undefined}', `${good}garbage`, `\ufeff${good}`];
    return { headers: CT, body: pick(rnd, variants) };
  },
  wrong_content_type: (rnd) => {
    const ct = pick(rnd, ['text/plain', 'text/plain;charset=utf-8', 'application/xml', 'multipart/form-data; boundary=x', 'application/graphql', 'application/x-www-form-urlencoded', 'application/octet-stream', 'image/png', 'application/graphql-response+json', 'APPLICATION/JSON', 'application/json;;;']);
    return { variant: ct, headers: { 'content-type': ct }, body: J({ query: Q }) };
  },
  charset: (rnd) => {
    const ct = `application/json; charset=${pick(rnd, ['utf-16', 'latin1', 'nope', 'utf-32', 'UTF-8', 'iso-8859-1', 'ascii'])}`;
    return { variant: ct, headers: { 'content-type': ct }, body: J({ query: Q }) };
  },
  absent_content_type: () => ({ headers: {}, body: J({ query: Q }) }),
  random_bytes: (rnd) => ({ headers: rnd(2) ? CT : { 'content-type': 'application/octet-stream' }, body: randomBytes(1 + rnd(4096)) }),
  empty_body: (rnd) => ({ headers: rnd(2) ? CT : {}, body: Buffer.alloc(0) }),
  huge_string: (rnd) => {
    const s = 'A'.repeat(pick(rnd, [1000, 30_000, 60_000, 65_000, 200_000]));
    return {
      headers: CT,
      body: J(pick(rnd, [
        { query: `{ search(query: "${s}") { entity { id } } }` },
        { query: 'query($q: String!) { search(query: $q) { entity { id } } }', variables: { q: s } },
        { query: `{ entityByName(name: "${s}") { id } }` },
        { query: Q, operationName: s },
        { query: `{ health { status } } #${s}` },
      ])),
    };
  },
  variables_wrong_shape: (rnd) => {
    const v = pick(rnd, ['"a string"', '[1,2,3]', '123', 'true', '"{\\"q\\":\\"yimei\\"}"', '{"q":123}', '{"q":null}', '{"q":["a"]}', '{"q":{"a":1}}', deep(1000, '{"a":', '}'), deep(9000, '{"a":', '}'), deep(20_000, '[', ']')]);
    return { headers: CT, body: `{"query":"query($q: String) { search(query: $q) { entity { id } } }","variables":${v}}` };
  },
  deep_variable_value: (rnd) => {
    const d = pick(rnd, [100, 1000, 5000, 20_000]);
    return { headers: CT, body: `{"query":"query($f: EntityFilter) { entities(filter: $f) { totalCount } }","variables":{"f":${deep(d, '{"kinds":', '}', '["COMPANY"]')}}}` };
  },
  invalid_utf8: (rnd) => {
    const bad = Buffer.from(pick(rnd, [[0xff], [0xc3, 0x28], [0xed, 0xa0, 0x80], [0xf0, 0x28, 0x8c, 0x28], [0xc0, 0xaf], [0x80]]));
    return { headers: CT, body: Buffer.concat([Buffer.from('{"query":"{ search(query: \\"'), bad, Buffer.from('\\") { entity { id } } }"}')]) };
  },
  lone_surrogate: () => ({ headers: CT, body: '{"query":"query($q:String!){ search(query: $q) { entity { id } } }","variables":{"q":"\\ud800\\u0000x"}}' }),
  bad_operation_name: (rnd) => ({ headers: CT, body: J({ query: 'query A { health { status } } query B { health { status } }', operationName: pick(rnd, ['C', '', null, 123, ['A'], { a: 1 }, undefined]) }) }),
  query_not_string: (rnd) => ({ headers: CT, body: J({ query: pick(rnd, [123, null, {}, ['{ health { status } }'], true]) }) }),
  get_mutation: (rnd) => ({ method: 'GET', headers: rnd(2) ? { 'apollo-require-preflight': 'true' } : ({} as Record<string, string>), path: `?query=${encodeURIComponent('mutation { __typename }')}` }),
  get_query: (rnd) => ({ method: 'GET', headers: pick<Record<string, string>>(rnd, [{}, { 'apollo-require-preflight': 'true' }, CT]), path: `?query=${encodeURIComponent('{ health { status } }')}` }),
  get_bad: (rnd) => ({ method: 'GET', headers: { 'apollo-require-preflight': 'true' }, path: pick(rnd, ['', '?query=', '?query=%7B', `?query=${encodeURIComponent('{ health { status } }')}&variables=notjson`, `?query=${encodeURIComponent('{ health { status } }')}&extensions=%7B`]) }),
  batched_array: (rnd) => ({ headers: CT, body: J(Array.from({ length: pick(rnd, [2, 10, 100, 1000]) }, () => ({ query: '{ health { status } }' }))) }),
  bad_method: (rnd) => {
    const method = pick(rnd, ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD', 'TRACE']);
    return { variant: method, method, headers: CT, ...(method === 'HEAD' || method === 'TRACE' ? {} : { body: J({ query: Q }) }) };
  },
  proto_pollution: () => ({ headers: CT, body: '{"__proto__":{"query":"{ health { status } }"},"constructor":{"prototype":{"x":1}},"query":"{ health { status } }","variables":{"__proto__":{"q":"x"}}}' }),
  apq_bad: (rnd) => {
    const version = pick(rnd, [1, 2, 'x']);
    const hash = pick(rnd, [randomBytes(32).toString('hex'), 'not-a-hash', '']);
    return { variant: `version ${version}`, headers: CT, body: J({ query: rnd(2) ? Q : undefined, extensions: { persistedQuery: { version, sha256Hash: hash } } }) };
  },
  content_encoding: (rnd) => {
    const encoding = pick(rnd, ['gzip', 'deflate', 'br', 'identity, gzip', 'zstd']);
    return { variant: encoding, headers: { ...CT, 'content-encoding': encoding }, body: randomBytes(64) };
  },
};

/** Slow to build and send: only a few of each. */
const HEAVY: Record<string, Generator> = {
  body_10mb: () => ({ headers: CT, body: J({ query: Q, variables: { x: 'a'.repeat(10 * 1024 * 1024) } }) }),
  gzip_bomb: () => ({ headers: { ...CT, 'content-encoding': 'gzip' }, body: zlib.gzipSync(J({ query: Q, variables: { x: 'a'.repeat(20 * 1024 * 1024) } })) }),
};

export async function runMalformed(suite: Suite): Promise<void> {
  const { service, ledger, settings } = suite;
  const { count, heavy, concurrency, timeoutMs, budgetMs } = settings.malformed;
  const plan: string[] = [];
  for (const name of Object.keys(HEAVY)) for (let i = 0; i < heavy; i++) plan.push(name);
  const light = Object.keys(GENERATORS);
  while (plan.length < count) plan.push(light[plan.length % light.length]!);

  const rnd = prng(8);
  const all = new Tally();
  const byCategory = new Map<string, Tally>();
  const byVariant = new Map<string, Map<string, number>>();
  const deadline = Date.now() + budgetMs;
  const probe = new HealthProbe(service.url, { timeoutMs: 10_000, intervalMs: 100 });
  let next = 0;
  const worker = async () => {
    while (next < plan.length && Date.now() < deadline) {
      const category = plan[next++]!;
      const request = (GENERATORS[category] ?? HEAVY[category]!)(rnd);
      const answer = await send(service.url, { ...request, timeoutMs });
      const label = request.variant ? `${category}[${request.variant}]` : category;
      all.add(answer, label);
      const tally = byCategory.get(category) ?? new Tally();
      tally.add(answer, label);
      byCategory.set(category, tally);
      if (request.variant) {
        const counts = byVariant.get(label) ?? new Map<string, number>();
        const key = answer.timedOut ? 'no answer' : String(answer.status);
        counts.set(key, (counts.get(key) ?? 0) + 1);
        byVariant.set(label, counts);
      }
    }
  };
  const started = Date.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const health = await probe.stop();
  const seconds = (Date.now() - started) / 1000;

  console.log('  figures:');
  printTally(`${all.answers} malformed requests in ${seconds.toFixed(1)} s, ${concurrency} in flight`, all);
  const sorted = [...all.latencies].sort((a, b) => a - b);
  console.log(`    latency p50 ${ms(sorted[Math.floor(sorted.length / 2)] ?? NaN)}, p99 ${ms(sorted[Math.ceil(sorted.length * 0.99) - 1] ?? NaN)}, max ${ms(sorted[sorted.length - 1] ?? NaN)}`);
  console.log(`    health probe during the run: max ${ms(health.max)}, ${health.timeouts} without answer`);
  console.log('    by category:');
  for (const [category, tally] of byCategory) console.log(`      ${category.padEnd(24)} ${fmtCounts(tally.byStatus)}`);
  console.log('    by variant (where it matters):');
  for (const [variant, counts] of byVariant) console.log(`      ${variant.padEnd(48)} ${fmtCounts(counts)}`);

  ledger.check(SCENARIO, 'every planned request was sent within the budget', all.answers === plan.length, `${all.answers} of ${plan.length} in ${budgetMs / 1000} s`);
  for (const [category, tally] of byCategory) {
    const ok = tally.violationCount() === 0;
    ledger.check(SCENARIO, `${category}: every answer is a prompt, well-formed JSON error or result`, ok, ok ? `${tally.answers} answers` : tally.violationSummary());
    if (!ok) printExamples(tally);
  }
}
