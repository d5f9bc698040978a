/**
 * The module `name` (a relative path without extension) beside `here` (an
 * import.meta.url), in the form this process runs: `.ts` under tsx (the sources, the
 * tests), `.js` when compiled (dist/, as npm start, the image and the bench run).
 */
import { extname } from 'node:path';

export const besideModule = (name: string, here: string): URL => new URL(`${name}${extname(new URL(here).pathname)}`, here);
