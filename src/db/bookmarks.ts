/**
 * Read-your-writes across replicas and cluster members: a client that wrote gets the
 * bookmark of its write back, sends it with its next request (to any API replica), and
 * that request's sessions start only once the member serving them has applied the
 * write. Within a request, a read after a write waits for that write too. Bookmarks are
 * opaque strings from Neo4j; nothing here interprets them.
 */

/** At most this many bookmarks, each at most this long, are taken from a client. */
export const MAX_BOOKMARKS = 16;
export const MAX_BOOKMARK_LENGTH = 512;

export class RequestBookmarks {
  private latest: string[] | undefined;

  /**
   * @param incoming what the client sent (its earlier writes)
   * @param onWrite called after each write transaction with the bookmarks to hand back
   */
  constructor(
    readonly incoming: readonly string[] = [],
    private readonly onWrite?: (bookmarks: string[]) => void,
  ) {}

  /** What the request's next session must have seen: its own last write, else the client's. */
  forSession(): string[] | undefined {
    const bookmarks = this.latest ?? this.incoming;
    return bookmarks.length > 0 ? [...bookmarks] : undefined;
  }

  /** After a committed write: later sessions of the request, and the client, wait for it. */
  recordWrite(bookmarks: string[]): void {
    if (bookmarks.length === 0) return;
    this.latest = bookmarks;
    this.onWrite?.(bookmarks);
  }

  /** The bookmarks of the request's writes, if it wrote. */
  get written(): readonly string[] | undefined {
    return this.latest;
  }
}

/**
 * Bookmarks from a header value (comma-separated, as several header lines are joined):
 * printable ASCII without spaces or commas, bounded in number and length. Anything else
 * is dropped rather than sent to the database.
 */
export function parseBookmarks(value: string | string[] | undefined): string[] {
  const joined = Array.isArray(value) ? value.join(',') : (value ?? '');
  return joined
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0 && b.length <= MAX_BOOKMARK_LENGTH && /^[\x21-\x7e]+$/.test(b))
    .slice(0, MAX_BOOKMARKS);
}
