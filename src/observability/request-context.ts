/**
 * What is known about the request being served, reachable from anywhere in its async
 * call chain (resolvers, database listeners, log lines) without threading it through
 * every call: its id, its operation once resolved, and the code it was answered with.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import type { Span } from '@opentelemetry/api';

export interface RequestInfo {
  /** The client's x-request-id when sane, otherwise generated. */
  id: string;
  /** The operation name once Apollo has resolved it ('anonymous' when unnamed). */
  operation?: string;
  /** The first error code of the answer, or 'OK'. */
  code?: string;
  /** The span of the whole request, when tracing is on. */
  span?: Span;
}

const storage = new AsyncLocalStorage<RequestInfo>();

/** The request being served, if any. */
export const currentRequest = (): RequestInfo | undefined => storage.getStore();

/** Runs `work` (and everything it starts) as part of `info`'s request. */
export const runInRequest = <T>(info: RequestInfo, work: () => T): T => storage.run(info, work);

/**
 * Ids a proxy or client may pass in: short, and only characters that cannot break a
 * log line or a header (no spaces, quotes or control characters). Anything else is
 * replaced rather than trusted.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

export function requestIdFrom(incoming: string | string[] | undefined): string {
  const value = Array.isArray(incoming) ? incoming[0] : incoming;
  return value !== undefined && SANE_REQUEST_ID.test(value) ? value : randomUUID();
}
