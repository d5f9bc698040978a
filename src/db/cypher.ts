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
import { join, relative } from 'node:path';
import { PROJECT_ROOT } from '../project-root.js';

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

export const CYPHER_DIR = join(PROJECT_ROOT, 'cypher');

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

/** A marked branch of a union: `// Branch <name>` on its own line, at the union's indentation. */
const BRANCH_MARK = /^(\s*)\/\/ Branch ([\w-]+)\s*$/;

interface MarkedBranch {
  name: string;
  /** Its lines, from its mark to the last before the UNION that ends it (or the union's end). */
  lines: string[];
}

interface MarkedUnion {
  before: string[];
  branches: MarkedBranch[];
  after: string[];
  indent: string;
}

const isCode = (line: string) => !/^\s*(\/\/.*)?$/.test(line);

/** The marked union of a query's text, checked; null when the text marks no branch. */
function markedUnion(query: CypherQuery): MarkedUnion | null {
  const lines = query.text.split('\n');
  const marks = lines.flatMap((line, at) => {
    const match = BRANCH_MARK.exec(line);
    return match ? [{ at, indent: match[1]!, name: match[2]! }] : [];
  });
  if (marks.length === 0) return null;
  const indent = marks[0]!.indent;
  const fail = (why: string) => new Error(`cypher/${query.name}.cypher: ${why}`);
  const branches = marks.map((mark, k) => {
    if (mark.indent !== indent) throw fail(`branch ${mark.name} is not marked at the union's indentation`);
    const next = marks[k + 1];
    if (next) {
      // The UNION before the next mark ends this branch; only comments may lie between.
      let union = next.at - 1;
      while (union > mark.at && !isCode(lines[union]!)) union -= 1;
      if (lines[union] !== `${indent}UNION`) throw fail(`branch ${mark.name} does not end with UNION before branch ${next.name}`);
      return { name: mark.name, lines: lines.slice(mark.at, union) };
    }
    // The last branch ends where the text goes back out of the union's indentation.
    let end = mark.at + 1;
    while (end < lines.length && !(isCode(lines[end]!) && !lines[end]!.startsWith(indent))) end += 1;
    return { name: mark.name, lines: lines.slice(mark.at, end) };
  });
  const last = marks[marks.length - 1]!;
  const end = last.at + branches[branches.length - 1]!.lines.length;
  return { before: lines.slice(0, marks[0]!.at), branches, after: lines.slice(end), indent };
}

/** The names of the branches a query marks, in file order, each once; empty when it marks none. */
export function branchNames(query: CypherQuery): string[] {
  return [...new Set(markedUnion(query)?.branches.map((branch) => branch.name) ?? [])];
}

/** Kept texts, by the query's text, then by the names kept. */
const branchTexts = new Map<string, Map<string, CypherQuery>>();

/**
 * The query with only the named branches of its marked union, joined by UNION in file
 * order (a name marking several branches keeps them all). A file marks the branches of
 * one UNION whose branches are each guarded by its parameters, so a branch the request
 * cannot use returns nothing: leaving it out of the text changes no answer, and spares
 * the bytes the driver packs and Neo4j hashes on every run and the branch's work in the
 * plan (links.cypher with only its direct branch, before that was split by direction:
 * 0.55 ms of 7.8 for Yimeitai's links; relationships/list with only its place branch:
 * 1.8 ms of 42 for China's exports; at 20,000 entities, measured side by side). Each set kept is a text of its own, so a plan
 * of its own in Neo4j's cache. Kept per set.
 */
export function keepBranches(query: CypherQuery, keep: readonly string[]): CypherQuery {
  let byKept = branchTexts.get(query.text);
  if (byKept === undefined) branchTexts.set(query.text, (byKept = new Map()));
  const key = [...keep].sort().join(',');
  let kept = byKept.get(key);
  if (kept === undefined) {
    const union = markedUnion(query);
    if (!union) throw new Error(`cypher/${query.name}.cypher marks no branch`);
    const names = new Set(union.branches.map((branch) => branch.name));
    for (const name of keep) if (!names.has(name)) throw new Error(`cypher/${query.name}.cypher marks no branch ${name}`);
    const branches = union.branches.filter((branch) => keep.includes(branch.name));
    if (branches.length === 0) throw new Error(`cypher/${query.name}.cypher: keep at least one branch`);
    const body = branches.flatMap((branch, k) => (k === 0 ? branch.lines : [`${union.indent}UNION`, ...branch.lines]));
    kept = { ...query, text: [...union.before, ...body, ...union.after].join('\n') };
    byKept.set(key, kept);
  }
  return kept;
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
