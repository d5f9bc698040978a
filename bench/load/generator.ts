/**
 * The load generator, run in a child process of its own (forked by load.ts) so that
 * sending requests and reading responses never shares an event loop with the app it
 * measures. It waits for steps on the IPC channel; each step runs autocannon against
 * one target (127.0.0.1 only) at a fixed arrival rate and sends back what it saw.
 *
 * How the rate is held (see bench/README.md, "Open-loop load"): autocannon limits each
 * connection to `rate` requests per second, sending the next one when the previous
 * answer is in and pausing until the next one-second tick once the second's quota is
 * spent. With one connection per request per second (connections = overallRate), a
 * connection sends one request at each tick whatever the server does, so as long as an
 * answer comes back within a second the requests leave on schedule: an open loop. The
 * ticks of one autocannon instance are aligned (its connections start together), so the
 * step is split into instances started at staggered offsets within the second: requests
 * leave in small bursts spread over the second, not one burst of `rate` at its start.
 */
import autocannon from 'autocannon';

export interface StepPlan {
  /** http://127.0.0.1:port */
  origin: string;
  path: string;
  /** Request bodies, taken in turn (the mix). */
  bodies: string[];
  /** Requests per second, all instances together. */
  rate: number;
  seconds: number;
  /** A request without an answer this long counts as a timeout. */
  timeoutSeconds: number;
  /** What an answer must look like to count as a success. */
  expect: 'graphql' | 'floor';
}

export interface StepOutcome {
  rate: number;
  seconds: number;
  /** Requests the rate schedules over the step: rate × seconds. */
  scheduled: number;
  /** Answers received (any status). */
  answered: number;
  /** Wall times of the answered requests, ms, in arrival order. */
  latencies: number[];
  /** Connection errors and timeouts (autocannon's `errors` includes its `timeouts`). */
  errors: number;
  timeouts: number;
  /** Answers with a status outside 2xx. */
  non2xx: number;
  /** 2xx answers whose body was not a clean answer (GraphQL errors, a floor error). */
  mismatches: number;
}

/** Instances a step is split into: the ticks of each are staggered over the second. */
export const MAX_INSTANCES = 50;

/** The rate of instance `i` of `instances` (they add up to `rate`). */
export const shareOf = (rate: number, instances: number, i: number) =>
  Math.floor(rate / instances) + (i < rate % instances ? 1 : 0);

const clean = (expect: StepPlan['expect']) =>
  expect === 'graphql'
    ? (body: unknown) => typeof body === 'string' && body.startsWith('{"data"') && !body.includes('"errors"')
    : (body: unknown) => typeof body === 'string' && body.startsWith('{"data"');

async function runStep(plan: StepPlan): Promise<StepOutcome> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(plan.origin)) throw new Error(`the load only goes to 127.0.0.1, not ${plan.origin}`);
  const instances = Math.min(plan.rate, MAX_INSTANCES);
  const latencies: number[] = [];
  const verifyBody = clean(plan.expect);
  let next = 0;
  const results = await Promise.all(
    Array.from({ length: instances }, async (_, i) => {
      const rate = shareOf(plan.rate, instances, i);
      await new Promise((resolveDelay) => setTimeout(resolveDelay, (i * 1000) / instances));
      let finished!: (error: unknown, result: autocannon.Result) => void;
      const done = new Promise<autocannon.Result>((resolveRun, rejectRun) => {
        finished = (error, result) => (error ? rejectRun(error instanceof Error ? error : new Error(String(error))) : resolveRun(result));
      });
      const instance = autocannon({
        url: plan.origin,
        connections: rate,
        overallRate: rate,
        duration: plan.seconds,
        timeout: plan.timeoutSeconds,
        // Latencies are read from each response below; autocannon's own histogram would
        // add made-up samples for a 1 ms expected interval (its coordinated-omission correction).
        ignoreCoordinatedOmission: true,
        verifyBody,
        requests: [
          {
            method: 'POST',
            path: plan.path,
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => {
              const body = plan.bodies[next % plan.bodies.length]!;
              next += 1;
              return { ...request, body };
            },
          },
        ],
      }, (error, result) => finished(error, result));
      instance.on('response', (_client: unknown, _status: number, _bytes: number, ms: number) => latencies.push(ms));
      return done;
    }),
  );
  const sum = (pick: (r: autocannon.Result) => number) => results.reduce((total, r) => total + pick(r), 0);
  return {
    rate: plan.rate,
    seconds: plan.seconds,
    scheduled: plan.rate * plan.seconds,
    answered: latencies.length,
    latencies,
    errors: sum((r) => r.errors),
    timeouts: sum((r) => r.timeouts),
    non2xx: sum((r) => r.non2xx),
    mismatches: sum((r) => r.mismatches ?? 0),
  };
}

process.on('message', (message: { step?: StepPlan; exit?: true }) => {
  if (message.exit) {
    process.disconnect();
    return;
  }
  if (!message.step) return;
  runStep(message.step).then(
    (outcome) => process.send!({ outcome }),
    (error: unknown) => process.send!({ error: error instanceof Error ? error.message : String(error) }),
  );
});
process.send!({ ready: true });
