/**
 * The graph laid out as seed files, against the files already in the folder: sources in
 * sources.yaml, entities in entities/<kind>.yaml, each fact in the file of its first
 * source (an existing facts/*.yaml whose `source:` names it, else facts/<source>.yaml).
 * An item the folder already holds keeps its place, and its very bytes when loading it
 * would store what the graph holds; new items are appended sorted by id.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, type Node, parse } from 'yaml';
import { KIND_BY_FILE, readSeedFiles, RETRACTED_FILE } from '../load/files.js';
import { validateSeed } from '../load/validate.js';
import { entityProps, factProps, SEEDED, sourceProps } from '../../src/domain/props.js';
import {
  comparable,
  entityFileOf,
  entityRecord,
  factRecord,
  type GraphSnapshot,
  knownKeys,
  retractedKey,
  retractedRecord,
  type SeedRecord,
  sourceRecord,
  unexportedKeys,
} from './records.js';
import { type ItemsFile, joinItems, newItemText, patchedItemText, splitItems } from './yaml-file.js';

export interface Exported {
  /** Path relative to the folder → the file's new text, or null to delete it. Only files that change. */
  changes: Map<string, string | null>;
  /** Per file: ids added, changed, removed. */
  summary: Map<string, { added: string[]; changed: string[]; removed: string[] }>;
  /** Stored properties the seed files cannot hold (written by something else than the loader or the API's known fields). */
  warnings: string[];
}

interface Wanted {
  id: string;
  record: SeedRecord;
  /** The stored properties compared with what the existing item would store. */
  key: string;
}

/** What each existing item would store, by id, when the folder's seed is valid. */
function existingKeys(dir: string, warnings: string[]): Map<string, string> {
  const keys = new Map<string, string>();
  if (!existsSync(join(dir, 'sources.yaml'))) return keys;
  let graph;
  try {
    graph = validateSeed(readSeedFiles(dir, dir));
  } catch (error) {
    warnings.push(`the files in the folder do not validate, so every item is rewritten from the graph: ${(error as Error).message.split('\n')[0]}`);
    return keys;
  }
  for (const s of graph.sources) keys.set(`source ${s.id}`, comparable(sourceProps(s, SEEDED).props));
  for (const e of graph.entities) keys.set(`entity ${e.id}`, comparable(entityProps(e, SEEDED).props));
  for (const f of graph.facts) keys.set(`fact ${f.id}`, comparable({ ...factProps(f, SEEDED).props }));
  for (const r of graph.retracted) keys.set(`retracted ${r.retractionId}`, retractedKey(r.props));
  return keys;
}

const readText = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined);

/** Normalised values for comparing one key of a changed item. */
function sameValue(record: SeedRecord) {
  const norm = (key: string, value: unknown): unknown => {
    if (key === 'period') return String(value);
    if (key === 'alsoStatedBy' && Array.isArray(value))
      return value.map((r: Record<string, unknown>) => ({
        source: r.source,
        claim: r.claim,
        period: String(r.period ?? record.period),
        note: r.note ?? '',
      }));
    if (key === 'scope' && value && typeof value === 'object') {
      const s = value as Record<string, unknown[]>;
      return ['items', 'origins', 'destinations', 'endUsers', 'sectors'].map((k) =>
        [...new Set((s[k] ?? []).filter((id) => id !== record.to))].sort(),
      );
    }
    return value;
  };
  return (key: string, before: unknown, after: unknown) =>
    JSON.stringify(norm(key, before)) === JSON.stringify(norm(key, after));
}

/** Lays `wanted` out over the existing text of one file. */
function layOut(
  path: string,
  text: string | undefined,
  wanted: Wanted[],
  oldKeys: Map<string, string>,
  what: string,
  fresh: (body: string) => string,
  seqOf: (contents: Node | null) => unknown,
  indent: string,
): { text: string; added: string[]; changed: string[]; removed: string[] } {
  const byId = new Map(wanted.map((w) => [w.id, w]));
  const file: ItemsFile | undefined = text === undefined ? undefined : splitItems(text, seqOf);
  const added: string[] = [];
  const changed: string[] = [];
  const removed: string[] = [];
  const present = new Set<string>();
  let out: ItemsFile;
  if (file) {
    out = { ...file, slices: [] };
    let carried = '';
    for (const slice of file.slices) {
      const w = slice.id === undefined ? undefined : byId.get(slice.id);
      if (!w || present.has(w.id)) {
        removed.push(slice.id ?? '?');
        // A comment heading a removed item heads the next one, unless that one has its own.
        if (/#/.test(slice.lead)) carried = slice.lead;
        continue;
      }
      present.add(w.id);
      const lead = carried && !/#/.test(slice.lead) ? carried : slice.lead;
      carried = '';
      if (oldKeys.get(`${what} ${w.id}`) === w.key) {
        out.slices.push({ ...slice, lead });
      } else {
        const patched = patchedItemText(slice.node!, w.record, file.indent, sameValue(w.record));
        if (patched !== slice.text) changed.push(w.id);
        out.slices.push({ ...slice, lead, text: patched });
      }
    }
  } else {
    out = { header: '', slices: [], trailer: '', indent };
    if (text !== undefined) removed.push('(the whole file, rewritten)');
  }
  const fresher = wanted.filter((w) => !present.has(w.id)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const w of fresher) {
    added.push(w.id);
    out.slices.push({ id: w.id, lead: out.slices.length > 0 ? '\n' : '', text: newItemText(w.record, out.indent), node: undefined });
  }
  if (!file) return { text: out.slices.length === 0 ? fresh('[]') : fresh(`\n${joinItems(out)}`), added, changed, removed };
  if (out.slices.length === 0) return { text: fresh('[]'), added, changed, removed };
  // The first item has no blank line above it unless it had one.
  if (out.slices[0]!.lead === '\n' && !file.slices[0]!.lead.startsWith('\n')) out.slices[0]!.lead = '';
  return { text: joinItems(out), added, changed, removed };
}

/** Compares the graph with the seed files in `dir` and returns the files to write. */
export function layOutSeed(snapshot: GraphSnapshot, dir: string): Exported {
  const warnings: string[] = [];
  const oldKeys = existingKeys(dir, warnings);
  const changes = new Map<string, string | null>();
  const summary: Exported['summary'] = new Map();
  const put = (path: string, result: ReturnType<typeof layOut>, before: string | undefined) => {
    if (result.text !== before) changes.set(path, result.text);
    if (result.added.length + result.changed.length + result.removed.length > 0)
      summary.set(path, { added: result.added, changed: result.changed, removed: result.removed });
  };
  const warn = (what: string, id: unknown, keys: string[]) => {
    if (keys.length > 0) warnings.push(`${what} ${String(id)}: not exported (the seed has no field for it): ${keys.join(', ')}`);
  };

  // Sources
  const sources = snapshot.sources.map(({ props }) => {
    warn('source', props.id, unexportedKeys(props, knownKeys.source));
    return { id: String(props.id), record: sourceRecord(props), key: comparable(props) };
  });
  const sourcesText = readText(join(dir, 'sources.yaml'));
  put('sources.yaml', layOut('sources.yaml', sourcesText, sources, oldKeys, 'source', (body) => body.replace(/^\n/, ''), (c) => c, ''), sourcesText);

  // Entities
  const byFile = new Map<string, Wanted[]>();
  for (const { props } of snapshot.entities) {
    const file = entityFileOf(String(props.kind), KIND_BY_FILE);
    if (!file) {
      warnings.push(`entity ${String(props.id)}: not exported (unknown kind ${String(props.kind)})`);
      continue;
    }
    warn('entity', props.id, unexportedKeys(props, knownKeys.entity));
    const list = byFile.get(file) ?? [];
    list.push({ id: String(props.id), record: entityRecord(props), key: comparable(props) });
    byFile.set(file, list);
  }
  for (const file of Object.keys(KIND_BY_FILE).sort()) {
    const path = `entities/${file}`;
    const before = readText(join(dir, path));
    const wanted = byFile.get(file) ?? [];
    if (before === undefined && wanted.length === 0) continue;
    put(path, layOut(path, before, wanted, oldKeys, 'entity', (body) => body.replace(/^\n/, ''), (c) => c, ''), before);
  }

  // Facts, each in the file of its first source
  const factDir = join(dir, 'facts');
  const fileOfSource = new Map<string, string>();
  const existingFactFiles = existsSync(factDir) ? readdirSync(factDir).filter((n) => n.endsWith('.yaml')).sort() : [];
  for (const name of existingFactFiles) {
    try {
      const data = parse(readFileSync(join(factDir, name), 'utf8')) as { source?: unknown } | null;
      if (data && typeof data.source === 'string' && !fileOfSource.has(data.source)) fileOfSource.set(data.source, `facts/${name}`);
    } catch {
      // An unreadable file is rewritten below like any other stale one.
    }
  }
  const factsByFile = new Map<string, { source: string; wanted: Wanted[] }>();
  for (const fact of snapshot.facts) {
    const { source, record } = factRecord(fact);
    if (!source) {
      warnings.push(`fact ${fact.type} ${String(fact.props.id)}: not exported (it names no source)`);
      continue;
    }
    warn(`fact ${fact.type}`, fact.props.id, unexportedKeys(fact.props, knownKeys.fact));
    const path = fileOfSource.get(source) ?? `facts/${source}.yaml`;
    const entry = factsByFile.get(path) ?? { source, wanted: [] };
    entry.wanted.push({ id: String(fact.props.id), record, key: comparable(fact.props) });
    factsByFile.set(path, entry);
  }
  const sourceIds = new Set(sources.map((s) => s.id));
  for (const [source, path] of fileOfSource) if (!factsByFile.has(path) && sourceIds.has(source)) factsByFile.set(path, { source, wanted: [] });
  for (const name of existingFactFiles) {
    const path = `facts/${name}`;
    if (!factsByFile.has(path)) {
      changes.set(path, null);
      summary.set(path, { added: [], changed: [], removed: ['(the whole file: its source is not in the graph)'] });
    }
  }
  for (const [path, { source, wanted }] of [...factsByFile].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const before = readText(join(dir, path));
    const fresh = (body: string) => `source: ${source}\nfacts:${body === '[]' ? ' []\n' : body}`;
    const seqOf = (contents: Node | null) => (isMap(contents) ? contents.get('facts', true) : undefined);
    put(path, layOut(path, before, wanted, oldKeys, 'fact', fresh, seqOf, '  '), before);
  }

  // Retracted facts, in one file, oldest retraction first; the file only once there is one.
  const retracted = snapshot.retracted.map(({ props }) => ({ id: String(props.retractionId), record: retractedRecord(props), key: retractedKey(props) }));
  const retractedText = readText(join(dir, RETRACTED_FILE));
  if (retractedText !== undefined || retracted.length > 0) {
    put(RETRACTED_FILE, layOut(RETRACTED_FILE, retractedText, retracted, oldKeys, 'retracted', (body) => body.replace(/^\n/, ''), (c) => c, ''), retractedText);
  }
  return { changes, summary, warnings };
}
