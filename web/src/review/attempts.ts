/**
 * Idempotency keys for decisions. One attempt at a decision (accept with these edits,
 * reject with this reason) gets a new random key; trying the very same decision again
 * (a retry after a lost answer or a refusal) sends the same key, so the server writes it
 * at most once. A different decision on the same proposal is a new attempt.
 */
export function newKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; a page served over plain http elsewhere has none.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export class Attempts {
  private readonly last = new Map<string, { request: string; key: string }>();

  constructor(private readonly makeKey: () => string = newKey) {}

  /** The key for this decision on this proposal: the previous one when the decision is the same. */
  keyFor(proposalId: string, decision: unknown): string {
    const request = JSON.stringify(decision);
    const previous = this.last.get(proposalId);
    if (previous && previous.request === request) return previous.key;
    const key = this.makeKey();
    this.last.set(proposalId, { request, key });
    return key;
  }
}
