/**
 * Errors that happen before GraphQL sees the request (the body cannot be read or
 * parsed, an unknown path) answered in the GraphQL error shape, as JSON: Express's own
 * handler would send an HTML page with a stack trace and print it to stderr.
 */
import type { ServerResponse } from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { ErrorCode, errorBody } from '../errors.js';
import type { Logger } from '../logger.js';
import { sendJson } from './json-answer.js';

/** body-parser's error types, each with what the client is told. */
const BODY_ERRORS: Record<string, (limitBytes: number) => string> = {
  'entity.too.large': (limit) => `The request is larger than ${limit} bytes.`,
  'entity.parse.failed': () => 'The request body is not valid JSON.',
  'encoding.unsupported': () => 'The request body uses a content encoding this service does not accept (use gzip, deflate or none).',
  'charset.unsupported': () => 'The request body uses a character set this service does not accept (use utf-8).',
  'request.aborted': () => 'The request body did not arrive whole.',
  'request.size.invalid': () => 'The request body is not as long as its Content-Length says.',
  'stream.not.readable': () => 'The request body could not be read.',
};

interface HttpError {
  status?: number;
  statusCode?: number;
  type?: string;
}

/** Answers an error that happened before GraphQL ran, on Node's own response. */
export type RequestErrorAnswer = (error: unknown, res: ServerResponse) => void;

export function answerRequestError(logger: Logger, maxRequestBytes: number): RequestErrorAnswer {
  return (error, res) => {
    // The deadline guard answered already; whatever failed after that is nobody's business.
    if (res.headersSent) return;
    const http = (error ?? {}) as HttpError;
    const status = http.status ?? http.statusCode ?? 500;
    const describe = http.type ? BODY_ERRORS[http.type] : undefined;
    if (status === 413) {
      sendJson(res, 413, errorBody(ErrorCode.LIMIT_EXCEEDED, BODY_ERRORS['entity.too.large']!(maxRequestBytes)));
    } else if (status >= 400 && status < 500) {
      sendJson(res, status, errorBody(ErrorCode.BAD_REQUEST, describe?.(maxRequestBytes) ?? 'The request could not be read.'));
    } else {
      logger.error({ err: error }, 'unexpected error outside GraphQL');
      sendJson(res, 500, errorBody(ErrorCode.INTERNAL_SERVER_ERROR, 'Unexpected error.'));
    }
  };
}

/** The same as Express's error handler, last in its chain. */
export const jsonErrorHandler =
  (answer: RequestErrorAnswer) =>
  (error: unknown, _req: Request, res: Response, _next: NextFunction): void =>
    answer(error, res);

/** Paths the service does not have: a JSON 404 rather than Express's HTML page. */
export function notFoundHandler(req: Request, res: Response) {
  sendJson(res, 404, errorBody('NOT_FOUND', `There is nothing at ${req.method} ${req.path}.`));
}
