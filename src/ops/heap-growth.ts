/**
 * How far V8 lets the serving process's heap grow past what the last full collection
 * kept. V8 picks the factor itself, up to ×4 when collecting looks costly next to the
 * program's own work; here the large answers (walks of tens of thousands of entities,
 * exposure) allocate a lot that dies within the request, so it grew the heap to ×2–3 of
 * what stays live, and RSS never came back down. A fixed ×1.2 collects that garbage
 * sooner instead.
 *
 * Measured with the bench's operations at 100,000 entities and 1,000,000 facts, two app
 * processes side by side (bench/README.md, "Heap growth"): peak RSS 342 → 204 MiB, and
 * latencies with / without within ×0.93–×1.10 per operation (a few percent at most).
 *
 * V8 reads the flag each time it sets the heap's next limit, so setting it after the
 * start takes effect; `npm start`, the container and the bench's app process all set it
 * here.
 */
import { setFlagsFromString } from 'node:v8';

/** The heap may grow 20% past its live size before the next full collection. */
export const HEAP_GROWING_PERCENT = 20;

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
