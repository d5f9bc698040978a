/**
 * The registry of Cypher files in cypher/. Each file holds one parameterised query and
 * opens with a header naming its parameters, columns and mode:
 *
 *   // Upstream suppliers of an entity, tier by tier.
 *   // Parameters: $id, $maxDepth
 *   // Returns: supplier, tier, path
 *   // Mode: read
 *
 * Files are read once; `loadAllCypher()` runs at boot so a missing or malformed file
 * fails the start, not a request.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export type QueryMode = 'read' | 'write';

export interface CypherQuery {
  /** The path below cypher/ without the extension: `supply/upstream-tiers`. */
  name: string;
  text: string;
  mode: QueryMode;
  /**
   * For files marked `// Statements: many` (schema files): the statements, each to run
   * in its own transaction because schema and data changes cannot share one.
   */
  statements?: string[];
}

export const CYPHER_DIR = resolve(fileURLToPath(new URL('../../cypher', import.meta.url)));

const cache = new Map<string, CypherQuery>();

function parse(name: string, text: string): CypherQuery {
  const mode = /^\/\/\s*Mode:\s*(read|write)\s*$/im.exec(text)?.[1] as QueryMode | undefined;
  if (!mode) throw new Error(`cypher/${name}.cypher has no "// Mode: read" or "// Mode: write" header line`);
  if (!/^\/\/\s*Statements:\s*many\b/im.test(text)) return { name, text, mode };
  const statements = text
    .split(/;\s*(?:\n|$)/)
    .map((statement) => statement.replace(/^\s*\/\/.*$/gm, '').trim())
    .filter((statement) => statement.length > 0);
  return { name, text, mode, statements };
}

/** The query in cypher/<name>.cypher. */
export function cypher(name: string): CypherQuery {
  let query = cache.get(name);
  if (!query) {
    const file = join(CYPHER_DIR, `${name}.cypher`);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      throw new Error(`missing Cypher file cypher/${name}.cypher`);
    }
    query = parse(name, text);
    cache.set(name, query);
  }
  return query;
}

/** Every query under cypher/, loaded and checked. */
export function loadAllCypher(): CypherQuery[] {
  return readdirSync(CYPHER_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.cypher'))
    .map((entry) => relative(CYPHER_DIR, join(entry.parentPath, entry.name)).replace(/\.cypher$/, ''))
    .sort()
    .map(cypher);
}
