/**
 * How names are compared for exact lookups and search ranking: case, spacing and
 * punctuation do not count, and neither do the legal and generic suffixes people leave
 * out ("Anyang Highrise Metal Material Limited" is found as "Anyang Highrise Metal
 * Material"; "Big Blue Technologies" as "Big Blue"). The loader stores every entity's
 * keys (`nameKeys`), so an exact lookup compares the same keys the search ranks by.
 * A text can also name several entities in a row ("BMW Germany"): `readText` reads it
 * as consecutive names by the same keys.
 */

/** Words a company name carries that users drop; only ever removed from the end. */
const DROPPABLE_SUFFIXES = new Set([
  'limited',
  'ltd',
  'co',
  'company',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'plc',
  'llc',
  'gmbh',
  'ag',
  'sa',
  'group',
  'holdings',
  'technologies',
  'technology',
]);

/** Lower case, punctuation turned to spaces, runs of spaces collapsed: "U.S. Magnesium" → "u s magnesium". */
export const normaliseName = (text: string): string =>
  text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The name without the suffixes users drop, or the name itself when nothing would remain. */
export function shortForm(normalised: string): string {
  const words = normalised.split(' ');
  while (words.length > 1 && DROPPABLE_SUFFIXES.has(words[words.length - 1]!)) words.pop();
  return words.join(' ');
}

/** Every key an entity answers to exactly: each name and alias, normalised, and its short form. */
export function nameKeys(names: readonly string[]): string[] {
  const keys = new Set<string>();
  for (const name of names) {
    const key = normaliseName(name);
    if (key === '') continue;
    keys.add(key);
    keys.add(shortForm(key));
  }
  return [...keys].sort();
}

/** The key a user's text is looked up by. */
export const lookupKey = (text: string): string => shortForm(normaliseName(text));

/** Words too common to require or to name anything: "magnesium and ingot" asks for magnesium and ingot. */
export const STOP_WORDS = new Set(['a', 'an', 'and', 'or', 'not', 'of', 'the', 'in', 'on', 'for', 'to', 'with', 'by']);

/** The longest run of words looked up as one name (the longest name in the graph has 11). */
const MAX_PART_WORDS = 12;

/** The shortest key that names an entity by its start alone ("Yimei" for Yimeitai). */
export const MIN_PARTIAL_KEY = 4;

interface TextWord {
  /** Where the word stands in the text as typed. */
  start: number;
  end: number;
  /** The word normalised: lower case, no accents. */
  word: string;
  stop: boolean;
}

const textWords = (text: string): TextWord[] =>
  [...text.matchAll(/[\p{L}\p{N}\p{M}]+/gu)]
    .map((m) => ({ start: m.index, end: m.index + m[0].length, word: normaliseName(m[0]) }))
    .filter((w) => w.word !== '')
    .map((w) => ({ ...w, stop: STOP_WORDS.has(w.word) }));

/** Every run of consecutive words that may name an entity (a stop word alone never does), with its text as typed. */
function textRuns(text: string): { first: number; end: number; text: string; key: string }[] {
  const words = textWords(text);
  return words.flatMap((word, first) =>
    words.slice(first, first + MAX_PART_WORDS).flatMap((last, i) => {
      if (i === 0 && word.stop) return [];
      const typed = text.slice(word.start, last.end);
      return [{ first, end: first + i + 1, text: typed, key: lookupKey(typed) }];
    }),
  );
}

/** The keys of every run of words in `text` that may name an entity: what to look up before `readText`. */
export const runKeys = (text: string): string[] => [...new Set(textRuns(text).map((run) => run.key))].filter((key) => key !== '');

/** What a key names: an entity that has it as a key, or (`exact` false) the only entity whose keys start with it. */
export interface KeyName {
  entityId: string;
  exact: boolean;
}

/** A run of the text that names an entity. */
export interface NamedPart {
  /** The words as typed: "US Magnesium". */
  text: string;
  entityId: string;
  exact: boolean;
}

/** One way to read a text as entity names, and the words left over (normalised; stop words dropped). */
export interface Reading {
  parts: NamedPart[];
  leftover: string[];
}

const costOf = (r: Reading) => [r.leftover.length, r.parts.length, r.parts.filter((p) => !p.exact).length];

const compareCost = (a: Reading, b: Reading) => {
  const [ca, cb] = [costOf(a), costOf(b)];
  return ca[0]! - cb[0]! || ca[1]! - cb[1]! || ca[2]! - cb[2]!;
};

/**
 * The ways to read `text` as consecutive names of entities, best first, at most `max`.
 * A part is a run of words whose key (`lookupKey`) `names` knows; a stop word outside a
 * part is dropped; any other word outside a part is left over. Best means the fewest
 * leftover words, then the fewest parts, then the fewest parts named by their start
 * only; ties keep the longer first part. "US Magnesium Chapter 11" reads as US Magnesium
 * + Chapter 11, not United States + magnesium + Chapter 11.
 */
export function readText(text: string, names: ReadonlyMap<string, KeyName>, max = 8): Reading[] {
  const words = textWords(text);
  const runs = textRuns(text).filter((run) => names.has(run.key));
  // best[i]: the best readings of the words from i on.
  const best: Reading[][] = [];
  best[words.length] = [{ parts: [], leftover: [] }];
  for (let i = words.length - 1; i >= 0; i -= 1) {
    const options: Reading[] = [];
    for (const run of runs.filter((r) => r.first === i).sort((a, b) => b.end - a.end)) {
      const name = names.get(run.key)!;
      const part = { text: run.text, entityId: name.entityId, exact: name.exact };
      for (const rest of best[run.end]!) options.push({ parts: [part, ...rest.parts], leftover: rest.leftover });
    }
    const word = words[i]!;
    for (const rest of best[i + 1]!) options.push(word.stop ? rest : { parts: rest.parts, leftover: [word.word, ...rest.leftover] });
    best[i] = options.sort(compareCost).slice(0, max);
  }
  return best[0]!;
}

/** How many different entities a reading names. */
export const entitiesOf = (reading: Reading): string[] => [...new Set(reading.parts.map((p) => p.entityId))];

/**
 * The readings of a text that name several entities together, in the order to try them.
 * A reading with no word left over is taken as it is, and only if it is the best (a text
 * that is one entity's name names that entity alone); readings that leave words over
 * hold only if a fact between their entities has those words, which the caller checks
 * in this order.
 */
export function togetherReadings(readings: readonly Reading[]): Reading[] {
  const several = (r: Reading) => entitiesOf(r).length >= 2;
  const [top] = readings;
  if (!top) return [];
  if (top.leftover.length === 0) return several(top) ? [top] : [];
  return readings.filter(several);
}

/**
 * The collator `localeCompare` uses when given no locale, made once rather than per
 * comparison, and only when first needed: making it loads the locale's collation data
 * (3 MB of RSS), which a process that never sorts names need not hold.
 */
let displayOrder: Intl.Collator | undefined;

/**
 * The order results list entities in by name: case ignored, then the locale's order
 * (what `a.toLowerCase().localeCompare(b.toLowerCase())` gives). Sort with keys made once
 * per entity (`displayKey`): lower-casing both names inside the comparator made two
 * strings per comparison, 25 MB for the 33,000 entities an exposure walk reaches at
 * 100,000 entities.
 */
export const displayKey = (name: string): string => name.toLowerCase();
export const compareDisplayKeys = (a: string, b: string): number => (displayOrder ??= new Intl.Collator()).compare(a, b);
