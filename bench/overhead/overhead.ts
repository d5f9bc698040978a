/**
 * The per-request overhead (bench/README.md, "Per-request overhead"), on the scaled
 * graph, each comparison in interleaved rounds (one request to each side per round,
 * the order rotating, timeInRotation) so a shared machine's drift falls on all alike:
 * (a) `{ __typename }`, which touches no resolver and no database, against our app and
 *     against a stock Apollo Server 5 (stock.ts, in a process of its own as the app's):
 *     the median per-round ratio ours/stock is what our middleware, plugins and context
 *     cost per request, relative;
 * (b) the minimal `entity(id) { id name kind }` against its raw-Cypher floor and against
 *     the stock server answering it with the floor's query (stock.ts): the median
 *     per-round differences in ms are what
 *     the API adds to one database lookup, how much of it Apollo Server and Express
 *     alone add (stock − floor), and what the app adds to them (ours − stock).
 */
import { firstDifference } from '../floor/compare.js';
import { type Client, percentile, type Sample, warmUp } from '../measure.js';
import type { Operation } from '../operations.js';
import { ms, ratio, table } from '../report.js';
import { entityOperation } from '../load/operations.js';
import type { ChildInit } from '../child.js';
import { startStockProcess } from './stock.js';

/** Targets the report compares against. */
export const TYPENAME_RATIO_TARGET = 1.05;
export const LOOKUP_DIFFERENCE_TARGET_MS = 0.5;
/** The entity of the minimal lookup (a seed entity, so both phases have it). */
const LOOKUP_ID = 'company:yimeitai';

export const TYPENAME: Operation = { name: 'overhead: { __typename }', query: '{ __typename }' };

export interface OverheadResult {
  rounds: number;
  typename: { oursP50: number; stockP50: number; ratios: number[] };
  /** Null when the floor's or the stock server's answer differed from the API's. */
  lookup: {
    oursP50: number;
    floorP50: number;
    stockP50: number;
    /** Per round: ours − floor, ours − stock, stock − floor (ms). */
    differences: number[];
    toStock: number[];
    stockToFloor: number[];
  } | null;
  lookupMismatch: string | null;
}

/** Every order of `count` sides, the first one in order (two sides: [0, 1], then [1, 0]). */
function ordersOf(count: number): number[][] {
  if (count <= 1) return [[0]];
  const last = count - 1;
  // Each order of the other sides with the last one put in every place, from the end to the front.
  return ordersOf(last).flatMap((order) =>
    Array.from({ length: count }, (_, i) => [...order.slice(0, last - i), last, ...order.slice(last - i)]),
  );
}

/**
 * `rounds` rounds of one request to each side, the rounds taking every order of the
 * sides in turn so each goes first, second … alike; each side's times (ms), by round.
 */
async function timeInRotation(sides: readonly (() => Promise<{ sample: Sample }>)[], rounds: number): Promise<number[][]> {
  const orders = ordersOf(sides.length);
  const times = sides.map((): number[] => []);
  for (let i = 0; i < rounds; i += 1) {
    for (const side of orders[i % orders.length]!) times[side]!.push((await sides[side]!()).sample.ms);
  }
  return times;
}

/** Median and spread (p10–p90) of per-round figures. */
const milliseconds = (v: number) => `${ms(v)} ms`;
const spread = (values: readonly number[], format: (v: number) => string) =>
  `${format(percentile(values, 50))} (p10 ${format(percentile(values, 10))}, p90 ${format(percentile(values, 90))})`;

export async function runOverhead(settings: {
  client: Client;
  apiUrl: string;
  timeoutMs: number;
  rounds: number;
  log: (line: string) => void;
  /** What a bench child is sent on start (the stock server's lookup uses the database too). */
  childInit: ChildInit;
}): Promise<OverheadResult> {
  const { client, rounds, log } = settings;
  const { server: stock, client: stockClient } = await startStockProcess(settings.childInit, settings.timeoutMs);
  const warmup = Math.max(20, Math.round(rounds / 5));
  try {
    await warmUp(client, TYPENAME, warmup, Number.POSITIVE_INFINITY);
    await warmUp(stockClient, TYPENAME, warmup, Number.POSITIVE_INFINITY);
    const [ours, theirs] = (await timeInRotation([() => client.send(TYPENAME), () => stockClient.send(TYPENAME)], rounds)) as [number[], number[]];
    const typename = { oursP50: percentile(ours, 50), stockP50: percentile(theirs, 50), ratios: ours.map((o, i) => o / theirs[i]!) };
    log(`  [overhead] { __typename }: ours p50 ${ms(typename.oursP50)} ms, stock ${ms(typename.stockP50)} ms, ours/stock median ${ratio(percentile(typename.ratios, 50), 1)}`);

    const lookup = entityOperation(LOOKUP_ID);
    const sides = [
      () => client.send(lookup),
      () => stockClient.send(lookup),
      () => client.send(lookup, 'floor'),
    ] as const;
    await warmUp(client, lookup, warmup, Number.POSITIVE_INFINITY);
    await warmUp(stockClient, lookup, warmup, Number.POSITIVE_INFINITY);
    await warmUp(client, lookup, warmup, Number.POSITIVE_INFINITY, 'floor');
    const [ourAnswer, stockAnswer, floorAnswer] = [(await sides[0]()).data, (await sides[1]()).data, (await sides[2]()).data];
    const mismatch = firstDifference(ourAnswer, floorAnswer) ?? firstDifference(ourAnswer, stockAnswer);
    if (mismatch) {
      log(`  [overhead] entity(id): the floor's or the stock server's answer differs from the API's: ${mismatch}`);
      return { rounds, typename, lookup: null, lookupMismatch: mismatch };
    }
    const [oursMs, stockMs, floorMs] = (await timeInRotation(sides, rounds)) as [number[], number[], number[]];
    const result = {
      oursP50: percentile(oursMs, 50),
      stockP50: percentile(stockMs, 50),
      floorP50: percentile(floorMs, 50),
      differences: oursMs.map((o, i) => o - floorMs[i]!),
      toStock: oursMs.map((o, i) => o - stockMs[i]!),
      stockToFloor: stockMs.map((o, i) => o - floorMs[i]!),
    };
    log(
      `  [overhead] entity(id): ours p50 ${ms(result.oursP50)} ms, stock ${ms(result.stockP50)} ms, floor ${ms(result.floorP50)} ms; ` +
        `median ours − floor ${ms(percentile(result.differences, 50))} ms, stock − floor ${ms(percentile(result.stockToFloor, 50))} ms`,
    );
    return { rounds, typename, lookup: result, lookupMismatch: null };
  } finally {
    await stock.stop();
  }
}

/** A row of the lookup's comparisons: both p50s and the median (p10, p90) of the per-round differences. */
const lookupRow = (request: string, against: string, oursP50: number, theirsP50: number, what: string, differences: readonly number[], target: string) => [
  request,
  against,
  ms(oursP50),
  ms(theirsP50),
  `${what} ${spread(differences, milliseconds)}`,
  target,
];

export function overheadReport(result: OverheadResult): string[] {
  const typenameRatio = percentile(result.typename.ratios, 50);
  const rows = [
    [
      '{ __typename }',
      'stock Apollo Server 5',
      ms(result.typename.oursP50),
      ms(result.typename.stockP50),
      `ours/stock ${spread(result.typename.ratios, (v) => ratio(v, 1))}`,
      `≤ ${ratio(TYPENAME_RATIO_TARGET, 1)}: ${typenameRatio <= TYPENAME_RATIO_TARGET ? 'met' : 'missed'}`,
    ],
    ...(result.lookup
      ? [
          lookupRow('entity(id) { id name kind }', 'raw-Cypher floor', result.lookup.oursP50, result.lookup.floorP50, 'ours − floor', result.lookup.differences,
            `≤ ${LOOKUP_DIFFERENCE_TARGET_MS} ms: ${percentile(result.lookup.differences, 50) <= LOOKUP_DIFFERENCE_TARGET_MS ? 'met' : 'missed'}`),
          lookupRow('entity(id) { id name kind }', 'stock Apollo, floor query', result.lookup.oursP50, result.lookup.stockP50, 'ours − stock', result.lookup.toStock, '(reference)'),
          lookupRow('the same, stock Apollo', 'raw-Cypher floor', result.lookup.stockP50, result.lookup.floorP50, 'stock − floor', result.lookup.stockToFloor, '(reference)'),
        ]
      : [['entity(id) { id name kind }', 'raw-Cypher floor', 'n/a', 'n/a', `an answer differs: ${result.lookupMismatch}`, 'n/a']]),
  ];
  return [
    `Per-request overhead on the scaled graph (bench/overhead/): ${result.rounds} interleaved rounds each, one request at a time; ` +
      'median per-round figure (p10, p90 of the rounds); "stock Apollo, floor query": a stock Apollo Server 5 whose one resolver runs the floor\'s query',
    table(['request', 'against', 'ours p50 ms', 'theirs p50 ms', 'per round', 'target'], rows, ['left', 'left', 'right', 'right', 'right', 'left']),
  ];
}

export function overheadJson(result: OverheadResult): unknown {
  const finite = (value: number) => (Number.isFinite(value) ? Math.round(value * 1000) / 1000 : null);
  return {
    rounds: result.rounds,
    typename: {
      oursP50: finite(result.typename.oursP50),
      stockP50: finite(result.typename.stockP50),
      ratioToStock: finite(percentile(result.typename.ratios, 50)),
      ratioToStockP10: finite(percentile(result.typename.ratios, 10)),
      ratioToStockP90: finite(percentile(result.typename.ratios, 90)),
    },
    lookup: result.lookup
      ? {
          oursP50: finite(result.lookup.oursP50),
          floorP50: finite(result.lookup.floorP50),
          differenceMs: finite(percentile(result.lookup.differences, 50)),
          differenceMsP10: finite(percentile(result.lookup.differences, 10)),
          differenceMsP90: finite(percentile(result.lookup.differences, 90)),
          stockP50: finite(result.lookup.stockP50),
          differenceToStockMs: finite(percentile(result.lookup.toStock, 50)),
          stockDifferenceMs: finite(percentile(result.lookup.stockToFloor, 50)),
        }
      : null,
    lookupMismatch: result.lookupMismatch,
  };
}
