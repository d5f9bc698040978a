/**
 * JSON answers sent outside GraphQL execution (the guards, the body and error handlers,
 * a 404), on Node's own response: the /graphql endpoint does not run through Express,
 * so these cannot lean on Express's `res.json`. Each error in the body gets the
 * request's id, as GraphQL's own errors do (observability/requests.ts).
 */
import type { ServerResponse } from 'node:http';
import { markErrors } from '../observability/requests.js';

export function sendJson(res: ServerResponse, status: number, body: { errors?: { extensions?: Record<string, unknown> }[] }, headers: Record<string, string> = {}): void {
  if (status >= 400) markErrors(body.errors);
  const text = JSON.stringify(body);
  res.statusCode = status;
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.setHeader('content-length', Buffer.byteLength(text));
  res.end(text);
}
