/**
 * What every answer must satisfy, whatever was sent: the rules the suite fails on.
 * An answer either passes or carries one or more violations, each a short kind name.
 */
import type { Answer } from './http.js';
import { errorCodes } from './http.js';

/** The only codes a 503 may carry; each also needs a Retry-After header. */
export const RETRYABLE_CODES = new Set(['DATABASE_UNAVAILABLE', 'OVERLOADED', 'DEADLINE_EXCEEDED']);

export type Violation =
  | 'hang'
  | 'connection-error'
  | '5xx'
  | 'bad-503'
  | 'retryable-not-503'
  | 'internal-error'
  | 'not-json'
  | 'bad-error-shape'
  | 'leak:stacktrace'
  | 'leak:file-path'
  | 'leak:neo4j-code'
  | 'leak:cypher';

/** Internals that must never reach a client, in the default (development-less) mode users get. */
const LEAKS: Array<[Violation, RegExp]> = [
  ['leak:stacktrace', /"stacktrace"|\n\s+at [\w$.<>[\] ]+ \(|\n\s+at (async )?[\w$./-]+:\d+:\d+/],
  ['leak:file-path', /node_modules|file:\/\/|(^|[\s"'(=:])\/(tmp|work|home|usr|root|opt|var|srv|app)\/[\w.@/-]+/],
  ['leak:neo4j-code', /Neo\.(Client|Transient|Database)Error/],
  ['leak:cypher', /\b(MATCH|UNWIND|OPTIONAL MATCH|MERGE|DETACH DELETE|CALL db\.|RETURN)\b[^"]*(\(|\$\w)/],
];

export interface JudgeOptions {
  /**
   * Strings the client itself sent (injection payloads): removed from the body before
   * looking for leaks, since an echo of the client's own input discloses nothing.
   */
  echoes?: string[];
}

/** Where in the body a leak was seen, for the report: the match with some context. */
export function leakExcerpt(text: string, violation: Violation): string | undefined {
  const pattern = LEAKS.find(([kind]) => kind === violation)?.[1];
  const match = pattern?.exec(text);
  if (!match) return undefined;
  return `…${text.slice(Math.max(0, match.index - 60), match.index + 100)}…`;
}

/** The violations of one answer (empty when it is acceptable). */
export function judge(answer: Answer, options: JudgeOptions = {}): Violation[] {
  if (answer.timedOut) return ['hang'];
  if (answer.status === 0) return ['connection-error'];
  const found: Violation[] = [];
  const codes = errorCodes(answer);
  if (answer.status >= 500 && answer.status !== 503) found.push('5xx');
  if (answer.status === 503) {
    const retryAfter = answer.headers['retry-after'];
    if (!retryAfter || codes.length === 0 || !codes.every((c) => RETRYABLE_CODES.has(c))) found.push('bad-503');
  }
  // A whole operation refused for a retryable reason is a 503 with Retry-After (partial data may stay a 200).
  if (answer.status !== 503 && codes.some((c) => RETRYABLE_CODES.has(c)) && !hasData(answer)) found.push('retryable-not-503');
  if (codes.includes('INTERNAL_SERVER_ERROR')) found.push('internal-error');
  // A HEAD answer has no body by definition.
  if (answer.method !== 'HEAD') {
    const shape = shapeProblem(answer);
    if (shape) found.push(shape);
  }
  const text = leakSearchText(answer, options);
  for (const [kind, pattern] of LEAKS) if (pattern.test(text)) found.push(kind);
  return found;
}

/** The body as searched for leaks: JSON-escaped newlines made real, the client's own echoes removed. */
export function leakSearchText(answer: Answer, options: JudgeOptions = {}): string {
  let text = answer.text.replace(/\\n/g, '\n');
  for (const echo of echoesOf(options.echoes ?? [])) text = text.split(echo).join('');
  return text;
}

/** True when some top-level field of `data` is not null. */
function hasData(answer: Answer): boolean {
  const data = (answer.json as { data?: unknown } | undefined)?.data;
  return data !== null && typeof data === 'object' && Object.values(data).some((v) => v !== null);
}

/**
 * Every body is JSON; an error answer (non-2xx) is `{ errors: [{ message, extensions: { code } }] }`,
 * and so is every error inside a 200.
 */
function shapeProblem(answer: Answer): Violation | undefined {
  if (answer.json === undefined || !/json/i.test(String(answer.headers['content-type'] ?? ''))) return 'not-json';
  const body = answer.json as { errors?: unknown; data?: unknown };
  if (typeof body !== 'object' || body === null) return 'bad-error-shape';
  const errors = body.errors;
  if (answer.status >= 300 && (!Array.isArray(errors) || errors.length === 0)) return 'bad-error-shape';
  if (errors === undefined) return undefined;
  if (!Array.isArray(errors)) return 'bad-error-shape';
  for (const error of errors as Array<{ message?: unknown; extensions?: { code?: unknown } }>) {
    if (typeof error?.message !== 'string' || typeof error.extensions?.code !== 'string') return 'bad-error-shape';
  }
  return undefined;
}

/** The forms an echoed payload takes in a JSON body: raw, JSON-escaped, and escaped twice. */
function echoesOf(payloads: string[]): string[] {
  const forms = new Set<string>();
  for (const p of payloads) {
    if (!p) continue;
    const once = JSON.stringify(p).slice(1, -1);
    forms.add(p);
    forms.add(once);
    forms.add(JSON.stringify(once).slice(1, -1));
    forms.add(once.replace(/\\n/g, '\n'));
  }
  // Longest first, so a payload is removed whole before any shorter form of another.
  return [...forms].sort((a, b) => b.length - a.length);
}
