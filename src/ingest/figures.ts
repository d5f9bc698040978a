/**
 * Figures with their units, and the changes given with them ("38,546 mt ... up 12.4%
 * YoY"), from the numbers compromise finds in a sentence. The unit is read from the words
 * after the number (and a currency sign before it) and mapped to the project's units
 * (seed/vocabulary.ts UNITS), scaling "million tonnes", "kt" and "10,000 tonnes" to
 * tonnes. Numbers with no unit (years, counts of days, list numbers) are not figures.
 *
 * A change belongs to the figure before it in its clause ("41,230 mt ..., up 6.8% YoY"),
 * or to the figure it leads to ("fell 5.5% YoY to 650,000 t"); several changes joined by
 * "and" or a comma belong to the same figure ("up 12% YoY and 3% MoM"). A change with no
 * figure ("exports rose 20% year on year in January") is a figure of its own, with no
 * value or unit: the sentence says how much something changed, not how much it was.
 */
import type { ChangeBasis, Unit } from '../../seed/vocabulary.js';
import { nlp, type Span } from './nlp.js';

export interface FoundChange {
  value: number;
  unit: 'percent';
  basis: ChangeBasis;
}

export interface FoundFigure extends Span {
  /** Null, with the unit, when the sentence gives only a change of it. */
  value: number | null;
  unit: Unit | null;
  /** As written: number and unit, or the change and its basis. */
  written: string;
  approximate: boolean;
  bound: 'AT_LEAST' | 'AT_MOST' | null;
  /** The change a fact would hold (a fact holds one): the year-on-year one when there are several, else the first. */
  change: FoundChange | null;
  /** The other changes given for the same figure, in the order of the text. */
  otherChanges: FoundChange[];
}

/** Units as the documents write them: the pattern after the number, the unit, and the scale. */
const UNIT_WORDS: { pattern: RegExp; unit: Unit; scale: number }[] = [
  { pattern: /^\s*(?:million|mn)\s+(?:metric\s+)?(?:tonnes|tons|mt|t)\b/i, unit: 't', scale: 1e6 },
  { pattern: /^\s*(?:thousand)\s+(?:metric\s+)?(?:tonnes|tons|mt|t)\b/i, unit: 't', scale: 1e3 },
  { pattern: /^\s*(?:10,000|ten thousand)\s+(?:metric\s+)?(?:tonnes|tons|mt|t)\b/i, unit: 't', scale: 1e4 },
  { pattern: /^\s*kt\b/i, unit: 't', scale: 1e3 },
  { pattern: /^\s*(?:yuan|rmb|cny)\s*\/\s*(?:metric\s+)?(?:mt|t|tonne|ton)\b/i, unit: 'CNY/t', scale: 1 },
  { pattern: /^\s*(?:yuan|rmb|cny)\s*\/\s*kg\b/i, unit: 'CNY/kg', scale: 1 },
  { pattern: /^\s*(?:metric\s+)?(?:tonnes|tons|mt|t)\b/i, unit: 't', scale: 1 },
  { pattern: /^\s*(?:%|percent\b|per\s+cent\b)/i, unit: 'percent', scale: 1 },
  { pattern: /^\s*percentage\s+points?\b/i, unit: 'percentage_point', scale: 1 },
  { pattern: /^\s*(?:vehicles|cars)\b/i, unit: 'vehicle', scale: 1 },
  { pattern: /^\s*kg\s*(?:per|\/)\s*(?:vehicle|car)\b/i, unit: 'kg/vehicle', scale: 1 },
  { pattern: /^\s*(?:units|sets|robots|machines)\b/i, unit: 'unit', scale: 1 },
  { pattern: /^\s*kw\s*\/\s*kg\b/i, unit: 'kW/kg', scale: 1 },
];
const MONEY_SCALE: Record<string, number> = { million: 1e6, mn: 1e6, billion: 1e9, bn: 1e9 };

/** Words before a percentage that make it a change of the figure before it. */
const RISE = /\b(?:up|rose|risen|rising|increased?|increasing|grew|grown|growth\s+of|gain(?:ed)?|climbed|jumped|higher)\s*(?:by\s*)?(?:about\s*|nearly\s*|around\s*)?$/i;
const FALL = /\b(?:down|fell|fallen|falling|decreased?|decreasing|declined?|dropped|drop\s+of|lower|slipped|shrank)\s*(?:by\s*)?(?:about\s*|nearly\s*|around\s*)?$/i;
const BASES: { pattern: RegExp; basis: ChangeBasis }[] = [
  { pattern: /^\s*(?:yoy|y\/y|year[-\s]on[-\s]year|from\s+a\s+year\s+(?:ago|earlier)|compared\s+with\s+the\s+same\s+period\s+(?:of\s+)?last\s+year)\b/i, basis: 'YOY' },
  { pattern: /^\s*(?:mom|m\/m|month[-\s]on[-\s]month|from\s+the\s+previous\s+month)\b/i, basis: 'MOM' },
  { pattern: /^\s*(?:dod|day[-\s]on[-\s]day)\b/i, basis: 'DOD' },
];
/** Between two changes of one figure: only commas, "and", directions and hedges ("up 12% YoY and down 3% MoM"). */
const JOINED_WORDS = new Set(['and', 'or', 'as', 'well', 'with', 'by', 'about', 'nearly', 'around', 'a', 'an', 'of', 'up', 'down', 'rise', 'fall', 'drop', 'increase', 'decrease', 'growth', 'gain', 'rose', 'fell', 'increased', 'decreased', 'grew', 'declined', 'dropped', 'gained', 'climbed', 'jumped', 'slipped', 'higher', 'lower']);
const joined = (gap: string) => !/[^\p{L}\s,]/u.test(gap) && gap.split(/[\s,]+/).every((word) => word === '' || JOINED_WORDS.has(word.toLowerCase()));
/** Where a clause about something else begins: a change after it is not the figure's before it. */
const CLAUSE_BREAK = /;|\b(?:while|whereas|but|meanwhile|although|though|however)\b/i;
/** Between a change and the figure it leads to: "fell 5.5% YoY [in January] to about 650,000 t". */
const LEADS_TO = /(?:^|\s)(?:to|at|reaching|hitting)\s+(?:(?:about|around|nearly|approximately|roughly|some|almost|close\s+to|over|more\s+than|above|at\s+least|under|less\s+than|below|at\s+most)\s+)?(?:(?:us\s*\$|\$|usd)\s*)?$/i;
const DIRECTION = /\b(?:up|down|rose|risen|rising|increased?|grew|gain(?:ed)?|climbed|jumped|fell|fallen|falling|decreased?|declined?|dropped|slipped|shrank)\b/i;

const APPROXIMATE = /\b(?:about|around|nearly|approximately|roughly|some|almost|close\s+to)\s*$/i;
const AT_LEAST = /\b(?:over|more\s+than|above|at\s+least|exceeding|exceeded)\s*$/i;
const AT_MOST = /\b(?:under|less\s+than|below|at\s+most|up\s+to)\s*$/i;

interface NumberJson {
  text: string;
  number: { num: number; prefix: string; suffix: string };
  offset: { start: number; length: number };
}

/** A figure as it is read: its changes are sorted into the one a fact holds and the others at the end. */
type Draft = Omit<FoundFigure, 'change' | 'otherChanges'> & { changes: FoundChange[] };

/** The change a fact holds: year on year when given (the comparison the seed's totals use), else the first given. */
function sortChanges({ changes, ...figure }: Draft): FoundFigure {
  const main = Math.max(0, changes.findIndex((c) => c.basis === 'YOY'));
  return { ...figure, change: changes[main] ?? null, otherChanges: changes.filter((_, i) => i !== main) };
}

/** Figures in a sentence (spans relative to the document: `offset` is the sentence's start). */
export function findFigures(sentence: string, offset: number): FoundFigure[] {
  const numbers = nlp(sentence).numbers().json({ offset: true }) as NumberJson[];
  const drafts: Draft[] = [];
  /** The figure the last change went to, and where that change's words end (in the sentence). */
  let lastChange: { draft: Draft; end: number } | null = null;
  for (const number of numbers) {
    const numberText = number.text.replace(/[\s,;.]+$/, '');
    const at = number.offset.start;
    const after = sentence.slice(at + numberText.length);
    const before = sentence.slice(0, at);
    let value = number.number.num;
    let unit: Unit | undefined;
    let length = numberText.length;
    const money = /^(?:us\s*\$|\$|usd\s*)$/i.test(number.number.prefix) || /(?:us\s*\$|\$|usd)\s*$/i.test(before);
    if (money) {
      unit = 'USD';
      const scale = /^\s*(million|mn|billion|bn)\b/i.exec(after);
      if (scale && !/million|billion/i.test(numberText)) {
        value *= MONEY_SCALE[scale[1]!.toLowerCase()]!;
        length += scale[0].length;
      }
    } else if (number.number.suffix === '%' || numberText.endsWith('%')) {
      unit = 'percent';
    } else {
      for (const word of UNIT_WORDS) {
        const match = word.pattern.exec(after);
        if (!match) continue;
        unit = word.unit;
        value *= word.scale;
        length += match[0].length;
        break;
      }
    }
    if (!unit || !Number.isFinite(value)) continue;
    const rest = sentence.slice(at + length);
    const rise = RISE.test(before);
    const fall = FALL.test(before);
    const basis = BASES.map((b) => ({ basis: b.basis, match: b.pattern.exec(rest) })).find((b) => b.match);
    const previous = drafts[drafts.length - 1];
    // A percentage given as a rise or fall, or against a basis, is a change, not a figure.
    if (unit === 'percent' && (rise || fall || basis)) {
      const change: FoundChange = { value: fall ? -value : value, unit: 'percent', basis: basis?.basis ?? 'VS_BASELINE' };
      const end = at + length + (basis?.match![0].length ?? 0);
      if (lastChange && joined(sentence.slice(lastChange.end, at)) && !lastChange.draft.changes.some((c) => c.basis === change.basis)) {
        // Another change of the same figure ("up 12% YoY and 3% MoM").
        lastChange.draft.changes.push(change);
        lastChange.end = end;
      } else if (previous && previous.value !== null && previous.unit !== 'percent' && previous.changes.length === 0 && !CLAUSE_BREAK.test(sentence.slice(previous.end - offset, at))) {
        // The change of the figure before it in its clause.
        previous.changes.push(change);
        lastChange = { draft: previous, end };
      } else {
        // A change of its own, until a figure it leads to takes it.
        const draft: Draft = { start: offset + at, end: offset + end, value: null, unit: null, written: sentence.slice(at, end), approximate: false, bound: null, changes: [change] };
        drafts.push(draft);
        lastChange = { draft, end };
      }
      continue;
    }
    const figure: Draft = {
      start: offset + at,
      end: offset + at + length,
      value,
      unit,
      written: sentence.slice(at, at + length),
      approximate: APPROXIMATE.test(before),
      bound: AT_LEAST.test(before) ? 'AT_LEAST' : AT_MOST.test(before) ? 'AT_MOST' : null,
      changes: [],
    };
    // "fell 5.5% YoY to 650,000 t": the changes just before are this figure's.
    const gap = lastChange && lastChange.draft === previous && previous.value === null ? sentence.slice(lastChange.end, at) : null;
    if (gap !== null && LEADS_TO.test(gap) && !CLAUSE_BREAK.test(gap) && !DIRECTION.test(gap) && !/[.]/.test(gap)) {
      figure.changes = previous!.changes;
      drafts.pop();
      lastChange = { draft: figure, end: at + length };
    } else {
      lastChange = null;
    }
    drafts.push(figure);
  }
  return drafts.map(sortChanges);
}
