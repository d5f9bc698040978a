/**
 * Bookmarks over HTTP (see src/db/bookmarks.ts): a request may carry
 * `x-neo4j-bookmarks: <bookmark>[,<bookmark>…]` from an earlier answer, and an answer
 * to a request that wrote carries the bookmarks of its writes in the same header.
 * Headers rather than a GraphQL extension so that a proxy or client library can carry
 * them without reading bodies.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseBookmarks, RequestBookmarks } from '../db/bookmarks.js';

export const BOOKMARKS_HEADER = 'x-neo4j-bookmarks';

export function requestBookmarks(req: IncomingMessage, res: ServerResponse): RequestBookmarks {
  return new RequestBookmarks(parseBookmarks(req.headers[BOOKMARKS_HEADER]), (written) => {
    // Writes finish before the answer is sent (no incremental delivery), so the header still fits.
    if (!res.headersSent) res.setHeader(BOOKMARKS_HEADER, written.join(','));
  });
}
