/**
 * One seed file as a list of items that can be kept, replaced, removed or appended while
 * every untouched byte stays as it was: the text is cut into a header, one slice per
 * item (the comments and blank lines before an item travel with it) and a trailer.
 * Kept items are copied verbatim, comments included; changed items are patched key by
 * key through the `yaml` Document API, so their unchanged keys, comments and quoting
 * survive; new items are written in the style of the hand-written files (flow lists
 * for aliases and scopes, flow maps for figures, a blank line between items).
 */
import { Document, isMap, isSeq, type Node, parseDocument, Scalar, type YAMLMap, YAMLSeq } from 'yaml';
import type { SeedRecord } from './records.js';

const TO_STRING = { lineWidth: 0, flowCollectionPadding: false } as const;

/** Keys whose lists are written inline (`[a, b]`), and whose maps are (`{ value: 1, unit: t }`). */
const FLOW_LISTS = new Set(['aliases', 'broader', 'formerIds', 'items', 'origins', 'destinations', 'endUsers', 'sectors']);
const FLOW_MAPS = new Set(['quantity', 'change']);

interface Slice {
  id: string | undefined;
  /** Comments and blank lines before the item. */
  lead: string;
  text: string;
  node: YAMLMap | undefined;
}

export interface ItemsFile {
  header: string;
  slices: Slice[];
  trailer: string;
  /** Indentation of the `- ` of each item. */
  indent: string;
}

const lineStart = (text: string, at: number) => text.lastIndexOf('\n', at - 1) + 1;
const lineEnd = (text: string, at: number) => {
  const end = text.indexOf('\n', at);
  return end < 0 ? text.length : end + 1;
};

/** Splits `text` around the items of `seqOf(document)`; undefined when the file cannot be cut cleanly. */
export function splitItems(text: string, seqOf: (contents: Node | null) => unknown): ItemsFile | undefined {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) return undefined;
  const seq = seqOf(doc.contents as Node | null);
  if (!isSeq(seq) || seq.flow || seq.items.length === 0) return undefined;
  const bounds: [number, number][] = [];
  for (const item of seq.items) {
    if (!isMap(item) || !item.range) return undefined;
    bounds.push([lineStart(text, item.range[0]), lineEnd(text, Math.max(item.range[0], item.range[1] - 1))]);
  }
  // Comments and blank lines just above the first item belong to it, not to the header.
  let first = bounds[0]![0];
  while (first > 0) {
    const prev = lineStart(text, first - 1);
    if (!/^\s*(#.*)?\n$/.test(text.slice(prev, first))) break;
    first = prev;
  }
  const header = text.slice(0, first);
  const slices: Slice[] = [];
  let at = first;
  seq.items.forEach((item, i) => {
    const [start, end] = bounds[i]!;
    const map = item as YAMLMap;
    const id = map.get('id');
    slices.push({ id: typeof id === 'string' ? id : undefined, lead: text.slice(at, start), text: text.slice(start, end), node: map });
    at = end;
  });
  const file = { header, slices, trailer: text.slice(at), indent: ' '.repeat(text.slice(bounds[0]![0]).search(/\S/)) };
  return joinItems(file) === text ? file : undefined;
}

export function joinItems(file: ItemsFile): string {
  return file.header + file.slices.map((s) => s.lead + s.text).join('') + file.trailer;
}

/** A value as a node in the seed files' style. */
function styled(doc: Document, key: string, value: unknown): Node {
  const node = doc.createNode(value) as Node;
  const walk = (k: string, n: unknown) => {
    if (isSeq(n)) {
      if (FLOW_LISTS.has(k)) n.flow = true;
      else for (const child of n.items) walk('', child);
    } else if (isMap(n)) {
      if (FLOW_MAPS.has(k)) n.flow = true;
      for (const pair of n.items) walk(String((pair.key as Scalar).value), pair.value);
    }
  };
  walk(key, node);
  return node;
}

/** The text of one list item (`- key: …` lines) at the given indentation. */
function itemText(doc: Document, map: YAMLMap, indent: string): string {
  const holder = new YAMLSeq();
  holder.items.push(map);
  doc.contents = holder as never;
  const text = doc
    .toString(TO_STRING)
    // The hand-written files pad flow maps (`{ value: 1, unit: t }`) but not flow lists.
    .replace(/^(\s*(?:- )?[A-Za-z]+: )\{(.*)\}$/gm, '$1{ $2 }');
  return text
    .split('\n')
    .map((line) => (line.length > 0 ? indent + line : line))
    .join('\n');
}

/** A new item written from scratch. */
export function newItemText(record: SeedRecord, indent: string): string {
  const doc = new Document();
  const map = doc.createNode({}) as YAMLMap;
  for (const [key, value] of Object.entries(record)) map.set(doc.createNode(key), styled(doc, key, value));
  return itemText(doc, map, indent);
}

/**
 * An existing item brought to `record`: keys whose value is unchanged (by `same`) keep
 * their node, changed ones get a new value, dropped ones go, and new ones are placed
 * after the keys that precede them in `record`.
 */
export function patchedItemText(
  node: YAMLMap,
  record: SeedRecord,
  indent: string,
  same: (key: string, before: unknown, after: unknown) => boolean,
): string {
  const doc = new Document();
  const map = node.clone() as YAMLMap;
  // The comments and blank lines before the item are kept in its slice's lead.
  map.commentBefore = undefined;
  map.spaceBefore = false;
  for (const pair of [...map.items]) {
    const key = String((pair.key as Scalar).value);
    if (!(key in record)) map.delete(key);
  }
  const order = Object.keys(record);
  for (const [key, value] of Object.entries(record)) {
    const pair = map.items.find((p) => String((p.key as Scalar).value) === key);
    if (pair) {
      const before = pair.value && typeof (pair.value as Node).toJSON === 'function' ? (pair.value as Node).toJSON() : pair.value;
      if (!same(key, before, value)) pair.value = styled(doc, key, value);
      continue;
    }
    const earlier = new Set(order.slice(0, order.indexOf(key)));
    let at = 0;
    map.items.forEach((p, i) => {
      if (earlier.has(String((p.key as Scalar).value))) at = i + 1;
    });
    map.items.splice(at, 0, doc.createPair(key, styled(doc, key, value)) as never);
  }
  return itemText(doc, map, indent);
}
