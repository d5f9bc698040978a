/**
 * Names of organisations, companies and places the text mentions, for the entities the
 * graph does not know yet. compromise finds organisations and places, but in these
 * machine-translated documents it often keeps only the end of a company's name ("Co.,
 * Ltd.", "Magnesium Corp"): a name it finds is extended over the capitalised words just
 * before it, and a run of capitalised words ending in a company suffix is taken as a
 * company even when the library missed it.
 */
import { lookupKey } from '../db/names.js';
import { nlp, type Span } from './nlp.js';

export type FoundKind = 'COMPANY' | 'ORGANIZATION' | 'PLACE';

export interface FoundName extends Span {
  name: string;
  kind: FoundKind;
}

const COMPANY_END = /(?:^|\s)(?:co\.?|co\.,?\s*ltd\.?|ltd\.?|limited|inc\.?|corp\.?|corporation|company|group|plc|llc|gmbh|ag|s\.a\.|holdings?)$/i;
const ORGANIZATION_WORDS = /\b(?:ministry|administration|association|bureau|commission|council|department|institute|university|agency|office|federation|committee|chamber)\b/i;
/** A capitalised word, an initialism, or a company suffix with its punctuation. */
const CAPITALISED = /^(?:[A-Z][\p{L}\p{N}&'’-]*\.?,?|[A-Z]{2,}\.?,?)$/u;
/** Words that start sentences or name months, not names. */
const NOT_NAMES = new Set(['The', 'A', 'An', 'In', 'On', 'At', 'By', 'For', 'From', 'Meanwhile', 'However', 'According', 'Recently', 'This', 'That', 'Its', 'Their', 'It', 'As', 'After', 'Before', 'Since', 'While', 'And', 'Of']);

/** Extends a span leftwards over capitalised words ("Magnesium Corp" → "Western Magnesium Corp"). */
function extendLeft(text: string, start: number): number {
  let at = start;
  for (;;) {
    const before = text.slice(0, at);
    const word = /([\p{L}\p{N}&'’.,-]+)\s+$/u.exec(before);
    // A word followed by a comma ends a clause ("Meanwhile, Qinghai …"), not a name.
    if (!word || word[1]!.endsWith(',') || !CAPITALISED.test(word[1]!) || NOT_NAMES.has(word[1]!)) return at;
    // A sentence boundary stops the name.
    if (/[.!?]\s*$/.test(text.slice(0, word.index)) && word.index > 0) return word.index;
    at = word.index;
  }
}

/** The name with leading articles, a possessive and trailing punctuation (but not a suffix's dot) trimmed. */
function clean(text: string, span: Span): (Span & { name: string }) | undefined {
  let { start, end } = span;
  let name = text.slice(start, end);
  // Words before a comma that opens the run ("Meanwhile, Qinghai …") and leading words
  // that are not names are left out.
  for (;;) {
    const first = /^([\p{L}\p{N}&'’.-]+)(,?)\s+/u.exec(name);
    if (!first || (!first[2] && !NOT_NAMES.has(first[1]!)) || /^co\.?$/i.test(first[1]!)) break;
    start += first[0].length;
    name = name.slice(first[0].length);
  }
  const lead = /^(?:the\s+)/i.exec(name);
  if (lead) {
    start += lead[0].length;
    name = name.slice(lead[0].length);
  }
  const possessive = /['’]s$/.exec(name);
  if (possessive) {
    end -= possessive[0].length;
    name = name.slice(0, -possessive[0].length);
  }
  while (/[,;:]$/.test(name) || (/\.$/.test(name) && !COMPANY_END.test(name))) {
    end -= 1;
    name = name.slice(0, -1);
  }
  return name.length >= 2 ? { start, end, name } : undefined;
}

const kindOf = (name: string, library: 'organization' | 'place'): FoundKind =>
  COMPANY_END.test(name) ? 'COMPANY' : ORGANIZATION_WORDS.test(name) ? 'ORGANIZATION' : library === 'place' ? 'PLACE' : 'COMPANY';

/** Names in a sentence (spans relative to the document: `offset` is the sentence's start), not overlapping. */
export function findNames(sentence: string, offset: number): FoundName[] {
  const doc = nlp(sentence);
  const raw: (Span & { library: 'organization' | 'place' })[] = [
    ...(doc.organizations().json({ offset: true }) as { offset: { start: number; length: number } }[]).map((o) => ({
      start: o.offset.start,
      end: o.offset.start + o.offset.length,
      library: 'organization' as const,
    })),
    ...(doc.places().json({ offset: true }) as { offset: { start: number; length: number } }[]).map((p) => ({
      start: p.offset.start,
      end: p.offset.start + p.offset.length,
      library: 'place' as const,
    })),
  ];
  // Runs of capitalised words ending in a company suffix, or holding an organisation word.
  for (const run of sentence.matchAll(/(?:[A-Z][\p{L}\p{N}&'’-]*\.?,?\s+)*(?:(?:of|for)\s+(?:[A-Z][\p{L}\p{N}&'’-]*\.?,?\s+)+)*(?:Co\.,?\s*Ltd\.?|Co\.|Ltd\.|Limited|Inc\.|Corp\.?|Corporation|Company|Group|Ministry\s+of(?:\s+[A-Z][\p{L}-]*)+(?:\s+and(?:\s+[A-Z][\p{L}-]*)+)?)/gu)) {
    raw.push({ start: run.index, end: run.index + run[0].length, library: 'organization' });
  }
  const names: FoundName[] = [];
  for (const candidate of raw.sort((a, b) => b.end - b.start - (a.end - a.start))) {
    const start = candidate.library === 'organization' ? extendLeft(sentence, candidate.start) : candidate.start;
    const cleaned = clean(sentence, { start, end: candidate.end });
    if (!cleaned || NOT_NAMES.has(cleaned.name) || lookupKey(cleaned.name) === '') continue;
    if (names.some((n) => cleaned.start < n.end - offset && n.start - offset < cleaned.end)) continue;
    names.push({ start: offset + cleaned.start, end: offset + cleaned.end, name: cleaned.name, kind: kindOf(cleaned.name, candidate.library) });
  }
  return names.sort((a, b) => a.start - b.start);
}
