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
 * The price is paid under load: at 160 requests a second (the bench's load mix, 20,000
 * entities) the heap is collected in full about once a second, 6–12 ms each, where V8's
 * own choice collected it once in the step and let RSS reach 250–290 MiB instead of
 * 175. It also costs CPU on mid-sized answers: ×1.11 on the Yimeitai lookup, ×1.42 on
 * an upstream walk to depth 3 and ×1.21 on China's exports against V8's own choice
 * (20,000 entities, 300 interleaved requests each; p50s ×1.01–×1.11). A growth of 40%
 * kept the peak at 241 MiB; 20% is the one that held it near 200, which the RSS target
 * at 100,000 entities needs.
 *
 * V8 reads the flag each time it sets the heap's next limit, so setting it after the
 * start takes effect; `npm start`, the container (both through main.ts) and the bench's
 * app and floor processes all set it here.
 */
import { setFlagsFromString } from 'node:v8';

/** The heap may grow 20% past its live size before the next full collection. */
export const HEAP_GROWING_PERCENT = 20;

export function limitHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}
