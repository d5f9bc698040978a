/**
 * Mentions of entities the graph already knows, by any name or alias, or for a country or
 * region by its demonym ("Canadian output": demonyms.ts), with the span of each in the
 * text. Longer names win over the names inside them ("US Magnesium" over "US"), matches
 * never overlap, and a name matches only as whole words, ignoring case, spacing and
 * hyphens between its words; a demonym matches only with its capital.
 */
import { DEMONYMS, NOT_AFTER, NOT_BEFORE } from './demonyms.js';
import type { Span } from './nlp.js';

export interface KnownEntity {
  id: string;
  kind: string;
  name: string;
  aliases: readonly string[];
}

export interface Mention extends Span {
  entityId: string;
  /** As written in the text. */
  text: string;
}

/** Names this short are too ambiguous to link on their own ("US" is, "EU" is not: two letters are kept when all capitals). */
const isLinkable = (name: string) => name.length >= 3 || /^[A-Z]{2}$/.test(name);

/** A name as a pattern: its words escaped, any run of spaces or hyphens between them, whole words only. */
function namePattern(name: string): string {
  const words = name.trim().split(/[\s-]+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return `(?<![\\p{L}\\p{N}])${words.join('[\\s\\-]+')}(?![\\p{L}\\p{N}])`;
}

export function findMentions(text: string, known: readonly KnownEntity[]): Mention[] {
  const names: { name: string; entityId: string; demonym: boolean }[] = [];
  for (const entity of known) {
    for (const name of [entity.name, ...entity.aliases]) if (isLinkable(name)) names.push({ name, entityId: entity.id, demonym: false });
    for (const name of DEMONYMS[entity.id] ?? []) names.push({ name, entityId: entity.id, demonym: true });
  }
  // Longest first, so a long name claims its words before a short name inside it can.
  names.sort((a, b) => b.name.length - a.name.length || a.entityId.localeCompare(b.entityId));
  const taken: Mention[] = [];
  for (const { name, entityId, demonym } of names) {
    // Two-letter all-capital names (EU, US) and demonyms match only as written; the rest ignore case.
    const flags = demonym || /^[A-Z]{2}$/.test(name) ? 'gu' : 'giu';
    for (const match of text.matchAll(new RegExp(namePattern(name), flags))) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some((m) => start < m.end && m.start < end)) continue;
      // "South American" is not American, "Chinese New Year" not a mention of China.
      if (demonym && (NOT_AFTER.test(text.slice(Math.max(0, start - 20), start)) || NOT_BEFORE.test(text.slice(end, end + 20)))) continue;
      taken.push({ entityId, text: match[0], start, end });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}
