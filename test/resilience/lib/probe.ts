/**
 * The health probe: `{ health { status } }` POSTed every ~50 ms while something else runs.
 * Its latency is the suite's proxy for event-loop stalls and for a starved server; each
 * probe has its own deadline, so a stalled server shows as a long (capped) latency.
 */
import { type Answer, postGraphql, sleep } from './http.js';
import { Tally } from './report.js';

export const HEALTH_QUERY = { query: '{ health { status } }' };

export interface ProbeResult {
  /** Latency of every probe; a probe without an answer counts as its full deadline. */
  latencies: number[];
  max: number;
  /** Probes that got no answer before their deadline. */
  timeouts: number;
  /** Answers other than 200 `status: OK` (acceptable 503s included). */
  notOk: number;
  tally: Tally;
}

export class HealthProbe {
  private running = true;
  private readonly done: Promise<void>;
  private readonly latencies: number[] = [];
  private readonly tally = new Tally();
  private timeouts = 0;
  private notOk = 0;

  constructor(url: URL, options: { intervalMs?: number; timeoutMs: number }) {
    this.done = (async () => {
      while (this.running) {
        const answer: Answer = await postGraphql(url, HEALTH_QUERY, options.timeoutMs);
        this.tally.add(answer, 'health probe');
        this.latencies.push(answer.timedOut ? options.timeoutMs : answer.ms);
        if (answer.timedOut) this.timeouts += 1;
        if (answer.status !== 200 || !answer.text.includes('"OK"')) this.notOk += 1;
        await sleep(options.intervalMs ?? 50);
      }
    })();
  }

  /** Stops after the probe in flight has its answer (or its deadline). */
  async stop(): Promise<ProbeResult> {
    this.running = false;
    await this.done;
    return {
      latencies: this.latencies,
      max: this.latencies.length ? Math.max(...this.latencies) : NaN,
      timeouts: this.timeouts,
      notOk: this.notOk,
      tally: this.tally,
    };
  }
}
