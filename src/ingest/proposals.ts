/**
 * What a curator reviews: the extraction of a document (extract.ts) as proposals, each
 * with a stable id, the passage it comes from, and what accepting it as it stands would
 * write: a new entity with a suggested id and kind, or a fact with a suggested id, type,
 * ends, figure, period and nature. Proposals are data, not graph: nothing proposed is
 * visible to answers until it is accepted.
 */
import { CHANGE_BASES, type Nature, type RelationshipType, type Unit } from '../../seed/vocabulary.js';
import { lookupKey } from '../db/names.js';
import type { End, Extraction, Passage } from './extract.js';
import type { FoundChange } from './figures.js';

export interface EntityProposal {
  id: string;
  kind: 'ENTITY';
  passage: Passage;
  start: number;
  end: number;
  name: string;
  /** The seed's kind: a place is proposed as a region (the curator may make it a country). */
  entityKind: 'Company' | 'Organization' | 'Region';
  suggestedId: string;
}

export interface FactProposal {
  id: string;
  kind: 'FACT';
  passage: Passage;
  start: number;
  end: number;
  suggestedId: string;
  factType: RelationshipType;
  /** The subject: a known entity, or a name proposed by the same document (accept it first). */
  from: End | null;
  /** What the figure concerns, when the sentence names a good. */
  to: { entityId: string; name: string } | null;
  /**
   * The figure and its change. Value and unit are null when the passage gives only a
   * change ("exports rose 20% YoY"): a fact holds a change only with the quantity it
   * qualifies, so accepting it needs the figure. A fact holds one change: the others the
   * passage gives for the same figure are in `otherChanges`.
   */
  figure: {
    value: number | null;
    unit: Unit | null;
    approximate: boolean;
    bound: 'AT_LEAST' | 'AT_MOST' | null;
    change: FoundChange | null;
    otherChanges: FoundChange[];
  };
  period: string | null;
  nature: Nature;
  /** What the curator must supply or know before accepting (a change with no figure, changes a fact cannot hold). */
  reviewNote: string | null;
}

export type Proposal = EntityProposal | FactProposal;

/** "Shanxi Yinguang … Co., Ltd." → "shanxi-yinguang-…": a kebab-case slug of the name's key. */
export const slugOf = (name: string): string => lookupKey(name).replace(/ /g, '-');

const PREFIX = { Company: 'company', Organization: 'org', Region: 'region' } as const;
const KIND = { COMPANY: 'Company', ORGANIZATION: 'Organization', PLACE: 'Region' } as const;

const endSlug = (end: End | null): string => (end ? ('entityId' in end ? end.entityId.split(':')[1]! : slugOf(end.newName)) : 'unknown');

/** A fact's id from its subject, type, good and period: "china-exports-magnesium-ingot-2026-01". */
export function factIdOf(subject: string, type: string, good: string | null | undefined, period: string | null | undefined): string {
  const slug = (id: string) => id.split(':').pop()!;
  return [slug(subject), type.toLowerCase().replace(/_/g, '-'), good ? slug(good) : null, period?.replace(/\//g, '-')].filter(Boolean).join('-').toLowerCase();
}

/** A change in words: "+20% year on year", "-3.5% month on month". */
export const changeText = (change: FoundChange): string => `${change.value > 0 ? '+' : ''}${change.value}% ${CHANGE_BASES[change.basis]}`;

/** What accepting a fact proposal needs beyond a claim, or what it cannot keep, in words; null when nothing. */
function reviewNoteOf(figure: FactProposal['figure']): string | null {
  const notes: string[] = [];
  const others = figure.otherChanges.map(changeText).join(', ');
  if (figure.value === null && figure.change) {
    notes.push(
      `The passage gives a change (${[changeText(figure.change), ...figure.otherChanges.map(changeText)].join(', ')}) and no figure for it to qualify; a fact holds a change only with its quantity: give the figure when accepting (edits.figure; the proposed change is kept unless you give one), or reject the proposal.`,
    );
  } else if (figure.change && others) {
    notes.push(`The passage also gives ${others}; a fact holds one change, so ${changeText(figure.change)} is proposed and accepting writes the others into the fact's note.`);
  }
  if (figure.value === null && figure.change && others) notes.push(`Only ${changeText(figure.change)} can be the fact's change; accepting writes the others into its note.`);
  return notes.length ? notes.join(' ') : null;
}

/** The proposals of one document, in the order of the text; ids are `<sourceId>~<n>`, stable for the same text. */
export function proposalsOf(sourceId: string, extraction: Extraction): Proposal[] {
  const drafts: Proposal[] = [
    ...extraction.entities.map((entity): EntityProposal => {
      const entityKind = KIND[entity.kind];
      return {
        id: '',
        kind: 'ENTITY',
        passage: entity.passage,
        start: entity.start,
        end: entity.end,
        name: entity.name,
        entityKind,
        suggestedId: `${PREFIX[entityKind]}:${slugOf(entity.name)}`,
      };
    }),
    ...extraction.figures.map((figure): FactProposal => {
      const period = figure.period?.text ?? null;
      const { value, unit, approximate, bound, change, otherChanges } = figure.figure;
      const proposed = { value, unit, approximate, bound, change, otherChanges };
      return {
        id: '',
        kind: 'FACT',
        passage: figure.passage,
        start: figure.start,
        end: figure.end,
        suggestedId: factIdOf(endSlug(figure.subject), figure.suggestedType, figure.item?.entityId, period),
        factType: figure.suggestedType,
        from: figure.subject,
        to: figure.item,
        figure: proposed,
        period,
        nature: figure.nature,
        reviewNote: reviewNoteOf(proposed),
      };
    }),
  ];
  return drafts.sort((a, b) => a.start - b.start || a.kind.localeCompare(b.kind)).map((draft, index) => ({ ...draft, id: `${sourceId}~${index + 1}` }));
}
