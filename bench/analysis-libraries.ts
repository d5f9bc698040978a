/**
 * Compares our operation analysis (src/analysis/) with graphql-query-complexity and
 * graphql-armor's cost limit on the documents that stalled the server: fragment bombs
 * and interface chains. It prints figures; nothing is asserted. The libraries are not
 * dependencies of the project: install them in a scratch folder and point --libs at it:
 *
 *   mkdir /tmp/libs && cd /tmp/libs && npm init -y && npm i graphql@16.15.0 \
 *     graphql-query-complexity @escape.tech/graphql-armor-cost-limit
 *   node --import tsx bench/analysis-libraries.ts --libs /tmp/libs
 *
 * Each library gets the schema built with its own copy of graphql.
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { buildASTSchema, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { analyzeOperation } from '../src/analysis/analyze.js';
import { loadTypeDefs } from '../src/schema.js';
import { fragmentBomb, interfaceChain } from '../test/support/attacks.js';

const libsAt = process.argv[process.argv.indexOf('--libs') + 1];
if (!process.argv.includes('--libs') || !libsAt) {
  console.error('usage: node --import tsx bench/analysis-libraries.ts --libs <folder with the libraries installed>');
  process.exit(2);
}
const sdl = loadTypeDefs().join('\n');
const requireLib = createRequire(join(libsAt, 'package.json'));
const libGraphql = requireLib('graphql');
const complexity = requireLib('graphql-query-complexity');
const armor = requireLib('@escape.tech/graphql-armor-cost-limit');
const libSchema = libGraphql.buildASTSchema(libGraphql.parse(sdl));
const ourSchema = buildASTSchema(parse(sdl));

function timed<T>(work: () => T): { ms: number; result: T | string } {
  const started = performance.now();
  try {
    return { result: work(), ms: performance.now() - started };
  } catch (error) {
    return { result: `throws: ${(error as Error).message.slice(0, 60)}`, ms: performance.now() - started };
  }
}

function ours(text: string) {
  const document = parse(text);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return timed(() => {
    const a = analyzeOperation({ schema: ourSchema, document, operation, maxSteps: 100_000 });
    return `cost ${a.cost}, ${a.steps} steps`;
  });
}

function queryComplexity(text: string, maxQueryNodes?: number) {
  const document = libGraphql.parse(text);
  return timed(() => {
    const cost = complexity.getComplexity({
      schema: libSchema,
      query: document,
      variables: {},
      estimators: [complexity.simpleEstimator({ defaultComplexity: 1 })],
      ...(maxQueryNodes ? { maxQueryNodes } : {}),
    });
    return `cost ${cost}`;
  });
}

function armorCost(text: string) {
  const document = libGraphql.parse(text);
  return timed(() => {
    const errors = libGraphql.validate(libSchema, document, [armor.costLimitRule({ maxCost: Number.MAX_SAFE_INTEGER, onAccept: [], propagateOnRejection: true })]);
    return errors.length ? `rejected: ${errors[0].message.slice(0, 50)}` : 'accepted';
  });
}

const documents: [string, string][] = [
  ...[10, 14, 18, 20, 22, 30].map((k): [string, string] => [`fragment bomb k=${k}, health leaf`, fragmentBomb(k, 'health{status}')]),
  ...[4, 5].map((levels): [string, string] => [`interface chain depth ${2 * levels + 2} × 30 aliases`, interfaceChain(30, levels)]),
];
const fmt = (r: { ms: number; result: unknown }) => `${r.ms.toFixed(1).padStart(8)} ms  ${String(r.result)}`;
for (const [name, text] of documents) {
  console.log(`\n${name} (${text.length} bytes)`);
  console.log(`  ours                                  ${fmt(ours(text))}`);
  console.log(`  graphql-query-complexity (10k nodes)  ${fmt(queryComplexity(text))}`);
  // Without its node cap, it walks every expansion: only the small bombs are run.
  if (!name.startsWith('fragment bomb') || Number(/k=(\d+)/.exec(name)![1]) <= 20) {
    console.log(`  graphql-query-complexity (no cap)     ${fmt(queryComplexity(text, Number.MAX_SAFE_INTEGER))}`);
  }
  console.log(`  graphql-armor cost limit              ${fmt(armorCost(text))}`);
}
