/**
 * The Node flags the serving process starts with. V8 reads them only when it sets up
 * the heap, so unlike the heap growth (heap-growth.ts) they cannot be set from inside
 * the process: `npm start` (package.json) and the image's CMD (Dockerfile) put them on
 * node's command line, and the bench forks its app and floor processes with them
 * (bench/run.ts). test/deploy.test.ts keeps the three the same.
 *
 * `--max-semi-space-size=4`: each of the young generation's two semi-spaces holds at
 * most 4 MiB, against V8's 16 MiB on 64-bit. A request's garbage dies young, and within
 * a few hundred requests V8 grows the young generation to its 32 MiB ceiling and keeps
 * it there, busy or idle: a quarter of the serving process's RSS. Measured on the
 * bench's graph of 100,000 entities and 1,000,000 facts, the app and the floor each in
 * a process of their own, with and without the flag, alternated:
 *   - peak RSS: 1,500 supplier lookups one at a time 129–131 → 105–109 MiB for the app
 *     (the floor 124–127 → 99–100); 3,000 of them 8 at a time 134–138 → 110–111;
 *     six walks upstream of BMW to depth 6 134–142 → 114–121 (the floor 126–129 →
 *     102–111);
 *   - server CPU per supplier lookup, 8 at a time: 2.55–2.97 ms without, 2.94–3.03 ms
 *     with (one at a time: 3.77–4.70 against 4.01–4.08), and per walk 158–163 against
 *     158–178 ms: within what the same setting reads from one run to the next;
 *   - `--max-semi-space-size=8` sat between the two (118–123 MiB) at the same CPU.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
