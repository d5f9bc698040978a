/**
 * What a new document says that the graph can use: the mentions of entities it already
 * knows (with their spans; a country or region also by its demonym), the names it does
 * not know (proposed as new entities), and the figures it gives with their units, periods
 * and changes (or a change alone, when no figure is given), each tied to the entities of
 * its sentence and proposed as a fact, with the passage it comes from. Nothing here
 * writes: the proposals wait for a curator (src/ingest/proposals.ts).
 */
import type { Nature, RelationshipType } from '../../seed/vocabulary.js';
import { lookupKey } from '../db/names.js';
import { DEMONYMS, isDemonymOnly } from './demonyms.js';
import { type FoundFigure, findFigures } from './figures.js';
import { findMentions, type KnownEntity, type Mention } from './mentions.js';
import { type FoundKind, findNames } from './names-found.js';
import { nlp, type Span, spanOf } from './nlp.js';
import { findPeriods, type FoundPeriod } from './periods.js';

export type { KnownEntity, Mention };

/** The sentence a proposal comes from. */
export interface Passage extends Span {
  text: string;
}

export interface EntityProposalDraft extends Span {
  name: string;
  kind: FoundKind;
  passage: Passage;
}

/** An end of a proposed fact: an entity the graph knows, or a name proposed in the same document. */
export type End = { entityId: string; name: string } | { newName: string };

export interface FigureProposalDraft extends Span {
  figure: Omit<FoundFigure, 'start' | 'end'>;
  period: Omit<FoundPeriod, 'start' | 'end'> | null;
  /** Who or what the figure is about: the nearest party named before it in its sentence. */
  subject: End | null;
  /** The good it concerns, when the sentence names one. */
  item: { entityId: string; name: string } | null;
  suggestedType: RelationshipType;
  nature: Nature;
  passage: Passage;
}

export interface Extraction {
  sentences: Passage[];
  mentions: Mention[];
  entities: EntityProposalDraft[];
  figures: FigureProposalDraft[];
}

const PARTY_KINDS = new Set(['company', 'country', 'region', 'organization', 'project']);
const GOOD_KINDS = new Set(['commodity', 'product']);

/**
 * The fact type a figure most likely belongs to, from its sentence's words and its unit
 * (a change with no figure has none: any tonnage type may be it).
 */
function suggestType(sentence: string, figure: FoundFigure): RelationshipType {
  const tonnes = figure.unit === 't' || figure.unit === null;
  if (/\bexport/i.test(sentence)) return 'EXPORTS';
  if (/\bimport/i.test(sentence)) return 'IMPORTS';
  if (/\bcapacity\b|t\s*\/\s*(?:year|yr|a)\b|tonnes?\s+per\s+year/i.test(sentence) && tonnes) return 'HAS_CAPACITY';
  if (figure.unit === 'CNY/t' || figure.unit === 'CNY/kg' || /\bprices?\b|\bquot/i.test(sentence)) return 'QUOTES_PRICE';
  if (/\bproduc|\boutput\b/i.test(sentence) && tonnes) return 'PRODUCES';
  return 'HAS_METRIC';
}

/** How certain the sentence is: a forecast, a plan, a party's own claim, or a report. */
function natureOf(sentence: string): Nature {
  if (/\b(?:forecasts?|expect(?:s|ed)?|projected|estimates?|outlook|is\s+likely|are\s+likely)\b/i.test(sentence)) return 'FORECAST';
  if (/\b(?:plans?|planned|will|targets?|aims?)\b/i.test(sentence)) return 'PLAN';
  if (/\b(?:intends?|intention|letters?\s+of\s+intent)\b/i.test(sentence)) return 'INTENT';
  if (/\bclaims?\b|\bsaid\s+(?:it|its)\b/i.test(sentence)) return 'CLAIMED';
  return 'REPORTED';
}

/** Of the candidates, the nearest one ending before `at`, else the first one after it. */
function nearest<T extends Span>(candidates: readonly T[], at: number): T | undefined {
  const before = candidates.filter((c) => c.end <= at);
  return before.length ? before[before.length - 1] : candidates.find((c) => c.start >= at);
}

/**
 * Reads a document. `known` is every entity the graph holds (names and aliases);
 * `date` (YYYY-MM-DD), the document's date, anchors relative dates ("last month").
 */
export function extract(text: string, known: readonly KnownEntity[], date?: string): Extraction {
  const kindOf = new Map(known.map((e) => [e.id, e.kind.toLowerCase()]));
  const nameOf = new Map(known.map((e) => [e.id, e.name]));
  // A demonym the library takes for a name ("South Korean" as an organisation) is a known name too.
  const knownKeys = new Set(known.flatMap((e) => [e.name, ...e.aliases, ...(DEMONYMS[e.id] ?? [])].map(lookupKey)));
  const mentions = findMentions(text, known);
  const sentences = (nlp(text).sentences().json({ offset: true }) as { offset: { start: number; length: number } }[]).map((s): Passage => {
    const span = spanOf(s.offset);
    return { ...span, text: text.slice(span.start, span.end) };
  });
  const entities: EntityProposalDraft[] = [];
  const figures: FigureProposalDraft[] = [];
  const proposedKeys = new Set<string>();
  /** The company a sentence may refer back to ("The company expects …"). */
  let lastParty: End | null = null;
  for (const passage of sentences) {
    const inside = (span: Span) => span.start >= passage.start && span.end <= passage.end;
    const overlapping = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
    const found = findNames(passage.text, passage.start).filter((n) => !knownKeys.has(lookupKey(n.name)) && !isDemonymOnly(n.name));
    // A new company or organisation's name holds the known names inside it ("Shanxi …
    // Magnesium Industry Co., Ltd." is not a mention of Shanxi or of magnesium); a place
    // the library found gives way to a known entity's mention.
    const names = found.filter((n) => n.kind !== 'PLACE' || !mentions.some((m) => overlapping(m, n)));
    const sentenceMentions = mentions.filter((m) => inside(m) && !names.some((n) => n.kind !== 'PLACE' && overlapping(m, n)));
    for (const name of names) {
      const key = lookupKey(name.name);
      if (proposedKeys.has(key)) continue;
      proposedKeys.add(key);
      entities.push({ ...name, passage });
    }
    const periods = findPeriods(passage.text, passage.start, date);
    const parties = [
      ...sentenceMentions.filter((m) => PARTY_KINDS.has(kindOf.get(m.entityId) ?? '')).map((m) => ({ start: m.start, end: m.end, end_: { entityId: m.entityId, name: nameOf.get(m.entityId)! } as End })),
      ...names.map((n) => ({ start: n.start, end: n.end, end_: { newName: n.name } as End })),
    ].sort((a, b) => a.start - b.start);
    const goods = sentenceMentions.filter((m) => GOOD_KINDS.has(kindOf.get(m.entityId) ?? ''));
    const referredTo = parties.length === 0 && /\b(?:the\s+(?:company|firm|group|producer|maker)|it|its)\b/i.test(passage.text) ? lastParty : null;
    for (const figure of findFigures(passage.text, passage.start)) {
      // A number inside a date ("3 January 2026") or a name is not a figure.
      if (periods.some((p) => figure.start >= p.start && figure.end <= p.end)) continue;
      const period = nearest(periods, figure.start) ?? null;
      const subject = nearest(parties, figure.start)?.end_ ?? referredTo;
      const good = nearest(goods, figure.start);
      const { start, end, ...rest } = figure;
      figures.push({
        start,
        end,
        figure: rest,
        period: period ? { text: period.text, written: period.written } : null,
        subject,
        item: good ? { entityId: good.entityId, name: nameOf.get(good.entityId)! } : null,
        suggestedType: suggestType(passage.text, figure),
        nature: natureOf(passage.text),
        passage,
      });
    }
    // The sentence's first company is most often its subject, the one referred back to.
    const companies = parties.filter((p) => !('entityId' in p.end_) || kindOf.get(p.end_.entityId) === 'company');
    if (companies.length) lastParty = companies[0]!.end_;
  }
  // Mentions inside a proposed name are part of that name, not mentions.
  const inNames = (m: Mention) => entities.some((n) => n.kind !== 'PLACE' && m.start < n.end && n.start < m.end);
  return { sentences, mentions: mentions.filter((m) => !inNames(m)), entities, figures };
}
