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

const sentTexts = new Map<string, string>();

/**
 * The text sent to Neo4j: the file without its whole-line comments and blank lines.
 * The header and the comments that say why are for readers; sent, they were most of the
 * bytes of the longest queries (links.cypher: 9.6 KB with them) that the driver packs and
 * Neo4j hashes to find its cached plan on every run. Kept per text (a bound query's too).
 */
export function sentText(query: CypherQuery): string {
  let sent = sentTexts.get(query.text);
  if (sent === undefined) {
    sent = query.text
      .split('\n')
      .filter((line) => !/^\s*(\/\/.*)?$/.test(line))
      .join('\n');
    sentTexts.set(query.text, sent);
  }
  return sent;
}

/** Every query under cypher/, loaded and checked. */
export function loadAllCypher(): CypherQuery[] {
  return readdirSync(CYPHER_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.cypher'))
    .map((entry) => relative(CYPHER_DIR, join(entry.parentPath, entry.name)).replace(/\.cypher$/, ''))
    .sort()
    .map(cypher);
}

/** A whole-number range a query file declares for one of its placeholders. */
export interface DeclaredBound {
  min: number;
  max: number;
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/**
 * The placeholders a query declares in its header (`// Bounds: k 1..10, maxLength 1..8`),
 * after checking that every `{{name}}` in the text is declared. Depth bounds and path
 * counts cannot be Cypher parameters, so they are written into the text, and only as
 * integers inside these ranges.
 */
export function declaredBounds(query: CypherQuery): Map<string, DeclaredBound> {
  const bounds = new Map<string, DeclaredBound>();
  for (const line of query.text.matchAll(/^\/\/\s*Bounds:(.*)$/gim)) {
    for (const item of line[1]!.split(',')) {
      const match = /^\s*(\w+)\s+(\d+)\.\.(\d+)\s*$/.exec(item);
      if (!match) throw new Error(`cypher/${query.name}.cypher: malformed Bounds entry "${item.trim()}"`);
      bounds.set(match[1]!, { min: Number(match[2]), max: Number(match[3]) });
    }
  }
  const body = query.text.replace(/^\s*\/\/.*$/gm, '');
  for (const [, name] of body.matchAll(PLACEHOLDER)) {
    if (!bounds.has(name!)) throw new Error(`cypher/${query.name}.cypher: placeholder {{${name}}} has no Bounds declaration`);
  }
  return bounds;
}

/**
 * The query with its `{{name}}` placeholders replaced by the given integers. Throws
 * unless every declared placeholder gets a whole number inside its declared range and
 * nothing else is given: callers pass values already checked against LIMITS.
 */
export function bindBounds(query: CypherQuery, values: Readonly<Record<string, number>>): CypherQuery {
  const bounds = declaredBounds(query);
  for (const name of Object.keys(values)) {
    if (!bounds.has(name)) throw new Error(`cypher/${query.name}.cypher declares no bound ${name}`);
  }
  for (const [name, bound] of bounds) {
    const value = values[name];
    if (value === undefined) throw new Error(`cypher/${query.name}.cypher: no value for {{${name}}}`);
    if (!Number.isInteger(value) || value < bound.min || value > bound.max) {
      throw new Error(`cypher/${query.name}.cypher: ${name} must be a whole number from ${bound.min} to ${bound.max}, got ${value}`);
    }
  }
  const text = query.text.replace(/^(?!\s*\/\/).*$/gm, (line) => line.replace(PLACEHOLDER, (_all, name: string) => String(values[name])));
  return { ...query, text };
}

/** The query with every placeholder at its declared minimum (for EXPLAIN in tests); unchanged if it has none. */
export function bindMinimumBounds(query: CypherQuery): CypherQuery {
  const bounds = declaredBounds(query);
  return bounds.size === 0 ? query : bindBounds(query, Object.fromEntries([...bounds].map(([name, b]) => [name, b.min])));
}
