/**
 * Injection: Cypher, Lucene, cursor, date, encoding and prototype payloads sent into every
 * string and ID argument (as variables, and inlined as literals into a few), with the
 * graph checksum taken over Bolt before and after. The graph must be identical, and every
 * answer must follow the general rules (an echo of the client's own payload is not a leak).
 */
import { postGraphql } from '../lib/http.js';
import { checksum } from '../lib/graph.js';
import { fmtCounts, ms, printExamples, printTally, Tally } from '../lib/report.js';
import type { Suite } from '../lib/suite.js';

const SCENARIO = 'injection';

const BASE = [
  "'", '"', '`', '\\', "''", '""', '``', "\\'", '\\"', "' OR 1=1 //", '" OR 1=1 //', "' OR '1'='1",
  '})-[:X]->() DETACH DELETE n//', "'}) MATCH (n) DETACH DELETE n //", '"}) MATCH (n) DETACH DELETE n //',
  '`) MATCH (n) DETACH DELETE n //', "company:bmw'}) DETACH DELETE n RETURN 1 //", '\n MATCH (n) DETACH DELETE n',
  "x' WITH 1 AS a CALL db.labels() YIELD label RETURN label //", "'; CREATE (:Pwned {x:1}) //", '"; CREATE (:Pwned {x:1}) //',
  '` CREATE (:Pwned) //', '$(', '${x}', '$id', '$ids', '{{depth}}', '{{depth}}}]-(n) DETACH DELETE n //', '{depth}', '%s%s%s%n', '%00',
  '\u0000', 'a\u0000b', "\u0000' DETACH DELETE n //", '\u0000" DETACH DELETE n //', '\u202e', '\ufeff', '\ud83d\ude00', '\u00e9\u0301', 'Ｍａｇｎｅｓｉｕｍ',
  '+', '-', '&&', '||', '!', '(', ')', '{', '}', '[', ']', '^', '~', '*', '?', ':', '/', '\\\\',
  '*:*', 'name:*', 'id:company*', 'a AND b', 'a OR b', 'NOT a', 'a~', 'a~0.5', 'a^10', '[a TO z]', '{a TO z}', '/.*/', '"unterminated', 'magn*',
  'm*', '?????', '((((((((((a))))))))))', '(((((((((((((((((((((((((((((((((((((((((a', `${'a'.repeat(255)}~2`,
  Array.from({ length: 400 }, (_, i) => `w${i}`).join(' '), Array.from({ length: 1000 }, (_, i) => `t${i}`).join(' '),
  Array.from({ length: 200 }, () => 'magnesium').join(' '), Array.from({ length: 300 }, (_, i) => `m${i}*`).join(' '),
  'A'.repeat(1000), 'A'.repeat(10_000), 'A'.repeat(32_767), 'A'.repeat(60_000), 'é'.repeat(20_000), '\u0000'.repeat(1000),
  'company:', 'company:bmw', 'company:bmw ', ' company:bmw', 'COMPANY:BMW', 'company:bmw\u0000', 'company:*', 'company:%', 'company:.*',
  'country:china', 'policy:', 'source:', ':', '::', '', ' ', '\t\n', 'null', 'undefined', 'NaN', 'true', '0', '-1', '1e309',
  'eyJvZmZzZXQiOi0xfQ==', 'eyJvZmZzZXQiOjFlMzA4fQ==', 'eyJvZmZzZXQiOiIxIn0=', 'b2Zmc2V0Oi0x', 'b2Zmc2V0OjEwMDAwMDAwMDAwMA==', 'YXJyYXljb25uZWN0aW9uOi0x',
  'bm90IGpzb24=', '!!!notbase64', 'MA==', 'LTE=', 'OTk5OTk5OTk5OTk5OTk5OTk5OQ==', 'W10=', 'bnVsbA==',
  '2025-13-01', '2025-02-30', '0000-00-00', '99999-01-01', '-2025-01-01', '2025-01-01T00:00:00Z', "2025-01-01' OR 1=1", '2025', '+002025-01-01',
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty',
  '<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '../../../../etc/passwd', 'file:///etc/passwd',
  'CALL dbms.killQueries([]) //', 'CALL apoc.cypher.run("MATCH (n) DETACH DELETE n", {}) //', 'LOAD CSV FROM "file:///etc/passwd" AS l RETURN l //',
  'USING PERIODIC COMMIT', ':auto MATCH (n) DELETE n', '/*', '*/', '//', '-- ', '#', ';', 'RETURN 1; MATCH (n) DELETE n',
];
export const PAYLOADS = [...new Set([...BASE, ...BASE.slice(0, 40).map((p) => `company:bmw${p}`), ...BASE.slice(12, 30).map((p) => `${p}${p}`)])].slice(0, 220);

/**
 * Each target takes the payload as `$s`. The full form sends every payload to every
 * target; the CI form sends every payload to the targets marked core, and to one other
 * target and one inline target in rotation, so every target still sees some payloads.
 */
const TARGETS: Array<[string, string, boolean?]> = [
  ['entity', 'query($s: ID!) { entity(id: $s) { id } }', true],
  ['entityByName', 'query($s: String!) { entityByName(name: $s) { id } }'],
  ['search', 'query($s: String!) { search(query: $s, first: 50) { score entity { id } } }', true],
  ['entities.nameContains', 'query($s: String) { entities(filter: { nameContains: $s }) { totalCount } }'],
  ['entities.sourceId', 'query($s: ID) { entities(filter: { sourceId: $s }) { totalCount } }'],
  ['entities.after', 'query($s: String) { entities(after: $s) { totalCount edges { cursor } } }'],
  ['relationship', 'query($s: ID!) { relationship(id: $s) { id } }'],
  ['relationships.entity', 'query($s: ID) { relationships(filter: { entity: $s }) { totalCount } }'],
  ['relationships.sourceId', 'query($s: ID) { relationships(filter: { sourceId: $s }) { totalCount } }'],
  ['relationships.item', 'query($s: ID) { relationships(filter: { item: $s }) { totalCount } }'],
  ['relationships.after', 'query($s: String) { relationships(after: $s) { totalCount } }'],
  ['relationships.period.from', 'query($s: LocalDate) { relationships(filter: { period: { from: $s } }) { totalCount } }'],
  ['tradeFigures.place', 'query($s: ID) { tradeFigures(place: $s) { totalCount } }'],
  ['tradeFigures.commodity', 'query($s: ID) { tradeFigures(commodity: $s) { totalCount } }'],
  ['tradeFigures.after', 'query($s: String) { tradeFigures(after: $s) { totalCount } }'],
  ['source', 'query($s: ID!) { source(id: $s) { id } }'],
  ['Source.facts.after', 'query($s: String) { sources { facts(after: $s) { totalCount } } }'],
  ['upstream.id', 'query($s: ID!) { upstream(id: $s) { total } }'],
  ['upstream.commodity', 'query($s: ID) { upstream(id: "company:bmw", commodity: $s) { total } }'],
  ['downstream.id', 'query($s: ID!) { downstream(id: $s, maxDepth: 2) { total } }'],
  ['dependencyPaths.from', 'query($s: ID!) { dependencyPaths(from: $s, to: "technology:pidgeon-process") { length } }'],
  ['dependencyPaths.to', 'query($s: ID!) { dependencyPaths(from: "company:bmw", to: $s) { length } }'],
  ['exposure.id', 'query($s: ID!) { exposure(id: $s, country: "country:china") { exposed } }'],
  ['exposure.country', 'query($s: ID) { exposure(id: "company:tesla", country: $s) { exposed } }'],
  ['exposure.policy', 'query($s: ID) { exposure(id: "company:tesla", policy: $s) { exposed } }'],
  ['subgraph.ids', 'query($s: ID!) { subgraph(ids: [$s, "company:bmw"]) { nodes { id } } }'],
  ['Country.production.commodity', 'query($s: ID) { entity(id: "country:china") { ... on Country { production(commodity: $s) { id } } } }'],
  ['enum RelationshipType', 'query($s: RelationshipType!) { relationships(filter: { types: [$s] }) { totalCount } }'],
];
/** A JSON string is a valid GraphQL string literal for these payloads. */
const literal = (s: string) => JSON.stringify(s);
const INLINE: Array<[string, (s: string) => string]> = [
  ['inline entity', (s) => `{ entity(id: ${literal(s)}) { id } }`],
  ['inline search', (s) => `{ search(query: ${literal(s)}) { score } }`],
  ['inline entityByName', (s) => `{ entityByName(name: ${literal(s)}) { id } }`],
  ['inline subgraph', (s) => `{ subgraph(ids: [${literal(s)}]) { nodes { id } } }`],
];

export async function runInjection(suite: Suite): Promise<void> {
  const { service, ledger, settings } = suite;
  const { allTargets, concurrency, timeoutMs, budgetMs } = settings.injection;
  const jobs: Array<{ target: string; payload: string; body: unknown }> = [];
  const others = TARGETS.filter(([, , core]) => !core);
  PAYLOADS.forEach((payload, i) => {
    const targets = allTargets ? TARGETS : [...TARGETS.filter(([, , core]) => core), others[i % others.length]!];
    for (const [target, query] of targets) jobs.push({ target, payload, body: { query, variables: { s: payload } } });
    const inline = allTargets ? INLINE : [INLINE[i % INLINE.length]!];
    for (const [target, build] of inline) jobs.push({ target, payload, body: { query: build(payload) } });
  });

  const before = await checksum(service.bolt);
  const all = new Tally();
  const byTarget = new Map<string, Tally>();
  const deadline = Date.now() + budgetMs;
  let next = 0;
  const started = Date.now();
  const worker = async () => {
    while (next < jobs.length && Date.now() < deadline) {
      const job = jobs[next++]!;
      const answer = await postGraphql(service.url, job.body, timeoutMs);
      const label = `${job.target} ← ${JSON.stringify(job.payload.length > 40 ? `${job.payload.slice(0, 40)}…` : job.payload)}`;
      all.add(answer, label, { echoes: [job.payload] });
      const tally = byTarget.get(job.target) ?? new Tally();
      tally.add(answer, label, { echoes: [job.payload] });
      byTarget.set(job.target, tally);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (Date.now() - started) / 1000;
  const after = await checksum(service.bolt);

  console.log('  figures:');
  printTally(`${PAYLOADS.length} payloads into ${byTarget.size} targets: ${all.answers} requests in ${seconds.toFixed(1)} s`, all);
  const sorted = [...all.latencies].sort((a, b) => a - b);
  console.log(`    latency p50 ${ms(sorted[Math.floor(sorted.length / 2)] ?? NaN)}, p99 ${ms(sorted[Math.ceil(sorted.length * 0.99) - 1] ?? NaN)}, max ${ms(sorted[sorted.length - 1] ?? NaN)}`);
  console.log(`    checksum before: ${JSON.stringify(before)}`);
  console.log(`    checksum after:  ${JSON.stringify(after)}`);
  console.log('    by target:');
  for (const [target, tally] of byTarget) console.log(`      ${target.padEnd(30)} ${fmtCounts(tally.byCode)}`);

  ledger.check(SCENARIO, 'every planned request was sent within the budget', all.answers === jobs.length, `${all.answers} of ${jobs.length} in ${budgetMs / 1000} s`);
  ledger.check(SCENARIO, 'the graph is unchanged (checksum before = after)', JSON.stringify(before) === JSON.stringify(after), `${after.nodes} nodes, ${after.relationships} relationships, ${after.labels} labels, ${after.propertyKeys} property keys, ${after.nodeHash}/${after.relationshipHash}`);
  const ok = all.violationCount() === 0;
  ledger.check(SCENARIO, 'every answer is a well-formed result or error, no 5xx, nothing internal', ok, ok ? `${all.answers} answers` : all.violationSummary());
  if (!ok) {
    for (const [target, tally] of byTarget) if (tally.violationCount()) console.log(`      ${target}: ${tally.violationSummary()}`);
    printExamples(all);
  }
}
