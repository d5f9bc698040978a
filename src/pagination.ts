/**
 * Opaque cursors for connections. A cursor encodes the position of an item in the
 * ordered result; clients pass `pageInfo.endCursor` back as `after`.
 */
import { badInput } from './errors.js';

const PREFIX = 'o:';

export const cursorFor = (offset: number) => Buffer.from(`${PREFIX}${offset}`).toString('base64url');

/** The offset of the first item after `after` (0 without a cursor). */
export function offsetAfter(after: string | null | undefined): number {
  if (after === null || after === undefined) return 0;
  const text = Buffer.from(after, 'base64url').toString('utf8');
  const offset = Number(text.slice(PREFIX.length));
  if (!text.startsWith(PREFIX) || !Number.isInteger(offset) || offset < 0) {
    throw badInput('after', `"${after}" is not a cursor from this API (use pageInfo.endCursor)`);
  }
  return offset + 1;
}
