/**
 * Request guards in front of GraphQL: a cap on requests in flight, and an overall
 * deadline per request. Both answer by themselves, in JSON with a retryable code, so a
 * client under overload gets a fast 503 instead of a queue that grows without bound, and
 * no request outlives its deadline whatever its queries are doing.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ServingLimits } from '../config.js';
import type { Database } from '../db/database.js';
import { ErrorCode, errorBody, RETRY_AFTER_SECONDS } from '../errors.js';
import { requestBookmarks } from '../ops/bookmark-headers.js';
import { sendJson } from './json-answer.js';

const refuse = (res: ServerResponse, code: ErrorCode, message: string, details: Record<string, unknown> = {}) => {
  sendJson(res, 503, errorBody(code, message, details), { 'retry-after': String(RETRY_AFTER_SECONDS) });
};

/**
 * Admits a request while fewer than `max` are in flight (counted until its response
 * closes); otherwise answers 503 OVERLOADED and returns false.
 */
export function inFlightLimit(max: number) {
  let inFlight = 0;
  const admit = (res: ServerResponse): boolean => {
    if (inFlight >= max) {
      refuse(res, ErrorCode.OVERLOADED, 'The service is busy with other requests; try again shortly.');
      return false;
    }
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
    });
    return true;
  };
  return Object.assign(admit, { inFlight: () => inFlight });
}

/**
 * Gives the request its deadline and returns the database as the request sees it: that
 * view refuses queries once the deadline has passed, and if no answer has been sent by
 * then, this sends 503 DEADLINE_EXCEEDED itself (what GraphQL execution would have
 * written later is dropped, see http/graphql-route.ts).
 */
export function requestDeadline(db: Database, limits: ServingLimits) {
  return (req: IncomingMessage, res: ServerResponse): Database => {
    const started = Date.now();
    const scoped = db.forRequest({
      deadlineAt: started + limits.requestDeadlineMs,
      deadlineMs: limits.requestDeadlineMs,
      maxSessions: limits.maxSessionsPerRequest,
      bookmarks: requestBookmarks(req, res),
    });
    const timer = setTimeout(() => {
      scoped.abortRequest();
      if (res.headersSent) return;
      refuse(
        res,
        ErrorCode.DEADLINE_EXCEEDED,
        `The request did not finish within ${limits.requestDeadlineMs} ms; try again shortly, or ask for less (fewer tiers or results).`,
        { deadlineMs: limits.requestDeadlineMs },
      );
    }, limits.requestDeadlineMs);
    res.once('close', () => clearTimeout(timer));
    return scoped;
  };
}
