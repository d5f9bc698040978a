/**
 * Metric labels from client input, bounded: every distinct label value is a time series
 * kept for the life of the process, so a client choosing operation names must not be
 * able to grow them without limit.
 */
const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export class BoundedLabels {
  private readonly seen = new Set<string>();

  constructor(private readonly max: number) {}

  /** `value` itself while fewer than `max` distinct values were seen, then 'other'. */
  label(value: string): string {
    if (!NAME.test(value)) return 'other';
    if (this.seen.has(value)) return value;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(value);
    return value;
  }
}
