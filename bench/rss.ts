/**
 * Peak resident set size of the current process, sampled every few milliseconds. The
 * bench runs one in each of its child servers (bench/child.ts: the app's process and the
 * floor's), so each figure is that server's own; Neo4j runs in its own JVM and is not
 * counted. RSS rarely shrinks once grown, so a peak mostly shows the highest the process
 * had reached by the end of that span.
 */
const INTERVAL_MS = 10;

export class RssSampler {
  private peak = 0;
  private phasePeak = 0;
  private timer: NodeJS.Timeout | undefined;

  start(): void {
    this.peak = process.memoryUsage.rss();
    this.phasePeak = this.peak;
    this.timer = setInterval(() => this.sample(), INTERVAL_MS);
    this.timer.unref();
  }

  private sample(): void {
    const rss = process.memoryUsage.rss();
    if (rss > this.peak) this.peak = rss;
    if (rss > this.phasePeak) this.phasePeak = rss;
  }

  /** The peak since the last call (or start), in MiB; then starts a new span. */
  takePeakMiB(): number {
    this.sample();
    const peak = this.peak;
    this.peak = process.memoryUsage.rss();
    return peak / 2 ** 20;
  }

  /** The peak since the last call (or start), in MiB, over every span; then starts a new phase. */
  takePhasePeakMiB(): number {
    this.sample();
    const peak = this.phasePeak;
    this.phasePeak = process.memoryUsage.rss();
    return peak / 2 ** 20;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
