/**
 * How names are compared for exact lookups and search ranking: case, spacing and
 * punctuation do not count, and neither do the legal and generic suffixes people leave
 * out ("Anyang Highrise Metal Material Limited" is found as "Anyang Highrise Metal
 * Material"; "Big Blue Technologies" as "Big Blue"). The loader stores every entity's
 * keys (`nameKeys`), so an exact lookup compares the same keys the search ranks by.
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
