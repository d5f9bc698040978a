/**
 * The suite's HTTP client: node:http, so malformed requests (wrong lengths, odd methods,
 * raw bytes) go out exactly as written, with one overall deadline per request. A request
 * that gets no answer by its deadline is reported as a hang, never awaited further.
 */
import http from 'node:http';

export interface RawRequest {
  method?: string;
  /** Appended to the endpoint's path (a query string for GET). */
  path?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  timeoutMs: number;
}

export interface Answer {
  /** 0 when no HTTP answer came (timeout or connection error). */
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  /** The parsed body, when it is JSON. */
  json: unknown;
  ms: number;
  /** No answer before the deadline: a hang. */
  timedOut: boolean;
  /** A connection error (reset, refused) instead of an answer. */
  error?: string;
  method: string;
}

// Many requests in flight at once (storms, open-loop load): keep sockets, allow plenty.
const agent = new http.Agent({ keepAlive: true, maxSockets: 512 });

/**
 * Sends one request to `url` (always 127.0.0.1) and resolves with whatever came back, never rejects.
 * A request written to a kept-alive socket that the server closed as idle at that very
 * moment fails with a reset before the server read it; as Node's documentation advises
 * (`request.reusedSocket`), such a request is sent once more on a new connection. It is
 * not a server fault, and counting it as one would make the figures depend on timing.
 */
export function send(url: URL, request: RawRequest, retried = false): Promise<Answer> {
  const method = request.method ?? 'POST';
  const started = performance.now();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (answer: Omit<Answer, 'ms' | 'method'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...answer, ms: performance.now() - started, method });
    };
    const body = request.body === undefined ? undefined : Buffer.from(request.body);
    const headers: Record<string, string | number> = { ...request.headers };
    if (body && headers['content-length'] === undefined) headers['content-length'] = body.length;
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname + (request.path ?? ''), method, headers, agent },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (error) =>
          finish({ status: 0, headers: {}, text: '', json: undefined, timedOut: false, error: error.message }),
        );
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          finish({ status: res.statusCode ?? 0, headers: res.headers, text, json: parseJson(text), timedOut: false });
        });
      },
    );
    const timer = setTimeout(() => {
      finish({ status: 0, headers: {}, text: '', json: undefined, timedOut: true, error: 'no answer before the deadline' });
      req.destroy();
    }, request.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (!settled && !retried && req.reusedSocket && error.code === 'ECONNRESET') {
        settled = true;
        clearTimeout(timer);
        const left = Math.max(1, request.timeoutMs - (performance.now() - started));
        void send(url, { ...request, timeoutMs: left }, true).then(resolve);
        return;
      }
      finish({ status: 0, headers: {}, text: '', json: undefined, timedOut: false, error: error.message });
    });
    if (body) req.write(body);
    req.end();
  });
}

/** POSTs a GraphQL request body (an object, or a string sent as is) as application/json. */
export function postGraphql(url: URL, body: unknown, timeoutMs: number, headers: Record<string, string> = {}) {
  return send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
    timeoutMs,
  });
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The `extensions.code` of every error in a GraphQL response body. */
export function errorCodes(answer: Answer): string[] {
  const errors = (answer.json as { errors?: unknown } | undefined)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((e) => String((e as { extensions?: { code?: unknown } })?.extensions?.code ?? 'NO_CODE'));
}

/** True for a 200 answer with data and no errors. */
export function isSuccess(answer: Answer): boolean {
  const json = answer.json as { data?: unknown; errors?: unknown } | undefined;
  return answer.status === 200 && json?.data != null && json.errors === undefined;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Checks `condition` up to `tries` times, `everyMs` apart, and says whether it came true.
 * A bounded number of looks, not a deadline: the suite asserts what happens, and prints
 * how long it took as a figure; a loaded machine only makes the waits longer.
 */
export async function pollUntil(condition: () => boolean | Promise<boolean>, tries: number, everyMs: number): Promise<boolean> {
  for (let i = 0; i < tries; i += 1) {
    if (await condition()) return true;
    await sleep(everyMs);
  }
  return condition();
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
