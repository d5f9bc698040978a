/**
 * Counting and the pass/fail ledger. A Tally counts answers by HTTP status, by
 * `extensions.code` and by violation, keeping a few examples of each violation; the
 * Ledger holds the named checks whose count ends the run (`resilience: N passed, M failed`).
 */
import { type Answer, errorCodes } from './http.js';
import { judge, type JudgeOptions, leakExcerpt, leakSearchText, type Violation } from './verdict.js';

export interface Example {
  label: string;
  status: number;
  ms: number;
  body: string;
}

export class Tally {
  readonly byStatus = new Map<string, number>();
  readonly byCode = new Map<string, number>();
  readonly violations = new Map<Violation, number>();
  readonly examples = new Map<Violation, Example[]>();
  readonly latencies: number[] = [];
  answers = 0;

  /** Counts one answer and returns its violations. */
  add(answer: Answer, label: string, options?: JudgeOptions): Violation[] {
    this.answers += 1;
    this.latencies.push(answer.ms);
    const status = answer.timedOut ? 'no answer' : answer.status === 0 ? 'conn error' : String(answer.status);
    bump(this.byStatus, status);
    const codes = [...new Set(errorCodes(answer))];
    if (answer.status !== 0) bump(this.byCode, codes.length ? codes.join('+') : answer.json === undefined ? '(no JSON)' : 'data');
    const found = judge(answer, options);
    for (const v of found) {
      bump(this.violations, v);
      const list = this.examples.get(v) ?? [];
      if (list.length < 1) {
        const text = v.startsWith('leak:') ? (leakExcerpt(leakSearchText(answer, options), v) ?? answer.text) : (answer.error ?? answer.text);
        list.push({ label, status: answer.status, ms: Math.round(answer.ms), body: text.replace(/\s+/g, ' ').slice(0, 200) });
      }
      this.examples.set(v, list);
    }
    return found;
  }

  violationCount(): number {
    let n = 0;
    for (const c of this.violations.values()) n += c;
    return n;
  }

  /** `v1 ×3, v2 ×1`, or '' when there are none. */
  violationSummary(): string {
    return [...this.violations].map(([v, n]) => `${v} ×${n}`).join(', ');
  }
}

function bump<K>(map: Map<K, number>, key: K) {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export const fmtCounts = (map: Map<string, number>) =>
  [...map].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ×${n}`).join(', ') || '-';

export const ms = (value: number) => (Number.isFinite(value) ? `${Math.round(value)} ms` : 'n/a');

export interface Check {
  scenario: string;
  name: string;
  ok: boolean;
  detail: string;
}

export class Ledger {
  readonly checks: Check[] = [];

  check(scenario: string, name: string, ok: boolean, detail = ''): boolean {
    this.checks.push({ scenario, name, ok, detail });
    console.log(`  ${ok ? 'PASS' : 'FAIL'}  ${name}${detail ? `: ${detail}` : ''}`);
    return ok;
  }

  /** A check that an answer tally is free of violations, printing examples when it is not. */
  clean(scenario: string, name: string, tally: Tally): boolean {
    const ok = tally.violationCount() === 0;
    this.check(scenario, name, ok, ok ? `${tally.answers} answers` : `${tally.violationSummary()} (of ${tally.answers} answers)`);
    if (!ok) printExamples(tally);
    return ok;
  }

  get passed() {
    return this.checks.filter((c) => c.ok).length;
  }

  get failed() {
    return this.checks.filter((c) => !c.ok).length;
  }
}

export function printExamples(tally: Tally) {
  for (const [violation, list] of tally.examples) {
    for (const e of list) console.log(`        ${violation}: [${e.label}] ${e.status || '-'} in ${e.ms} ms: ${e.body}`);
  }
}

/** Prints a tally's figures under a heading. */
export function printTally(heading: string, tally: Tally) {
  console.log(`  ${heading}: ${tally.answers} answers`);
  console.log(`    by HTTP status: ${fmtCounts(tally.byStatus)}`);
  console.log(`    by extensions.code: ${fmtCounts(tally.byCode)}`);
}
