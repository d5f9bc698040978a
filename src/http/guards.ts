/**
 * Request guards in front of GraphQL: a cap on requests in flight, and an overall
 * deadline per request. Both answer by themselves, in JSON with a retryable code, so a
 * client under overload gets a fast 503 instead of a queue that grows without bound, and
 * no request outlives its deadline whatever its queries are doing.
 */
import type { NextFunction, Request, Response } from 'express';
import type { ServingLimits } from '../config.js';
import type { Database } from '../db/database.js';
import { ErrorCode, errorBody, RETRY_AFTER_SECONDS } from '../errors.js';
import { requestBookmarks } from '../ops/bookmark-headers.js';

/** What the guards leave on `res.locals` for the GraphQL context. */
export interface GuardedLocals {
  /** The database as this request sees it: its deadline and session cap. */
  db: Database;
}

const refuse = (res: Response, code: ErrorCode, message: string, details: Record<string, unknown> = {}) => {
  res.status(503).set('retry-after', String(RETRY_AFTER_SECONDS)).json(errorBody(code, message, details));
};

/** Refuses requests beyond `max` in flight with 503 OVERLOADED; counts until the response closes. */
export function inFlightLimit(max: number) {
  let inFlight = 0;
  const guard = (_req: Request, res: Response, next: NextFunction) => {
    if (inFlight >= max) {
      refuse(res, ErrorCode.OVERLOADED, 'The service is busy with other requests; try again shortly.');
      return;
    }
    inFlight += 1;
    res.once('close', () => {
      inFlight -= 1;
    });
    next();
  };
  return Object.assign(guard, { inFlight: () => inFlight });
}

/**
 * Gives the request its deadline: its database view refuses queries once it has passed,
 * and if no answer has been sent by then, this sends 503 DEADLINE_EXCEEDED itself (what
 * GraphQL execution would have written later is dropped, see the error handler).
 */
export function requestDeadline(db: Database, limits: ServingLimits) {
  return (req: Request, res: Response<unknown, GuardedLocals>, next: NextFunction) => {
    const started = Date.now();
    const scoped = db.forRequest({
      deadlineAt: started + limits.requestDeadlineMs,
      deadlineMs: limits.requestDeadlineMs,
      maxSessions: limits.maxSessionsPerRequest,
      bookmarks: requestBookmarks(req, res),
    });
    res.locals.db = scoped;
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
    next();
  };
}
