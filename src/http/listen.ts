/**
 * The HTTP server around the app, with Node's defaults tightened against slow and
 * numerous clients: a body that never arrives is cut off after HTTP_BODY_TIMEOUT_MS
 * (Node's default is 300 s), headers must arrive within HTTP_HEADERS_TIMEOUT_MS, and
 * connections are capped. Node checks these timeouts only every
 * `connectionsCheckingInterval`, so that is shortened too, or a 10 s limit could take 40.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import type { HttpLimits } from '../config.js';

export const DEFAULT_HTTP_LIMITS: HttpLimits = { headersTimeoutMs: 5_000, bodyTimeoutMs: 8_000, maxConnections: 1024 };

export function createHttpServer(app: RequestListener, limits: HttpLimits = DEFAULT_HTTP_LIMITS): Server {
  const server = createServer(
    {
      headersTimeout: Math.min(limits.headersTimeoutMs, limits.bodyTimeoutMs),
      requestTimeout: limits.bodyTimeoutMs,
      connectionsCheckingInterval: 1000,
      keepAliveTimeout: 5000,
    },
    app,
  );
  server.maxConnections = limits.maxConnections;
  return server;
}
