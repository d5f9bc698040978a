/**
 * Figures with their units, and the changes given with them ("38,546 mt ... up 12.4%
 * YoY"), from the numbers compromise finds in a sentence. The unit is read from the words
 * after the number (and a currency sign before it) and mapped to the project's units
 * (seed/vocabulary.ts UNITS), scaling "million tonnes", "kt" and "10,000 tonnes" to
 * tonnes. Numbers with no unit (years, counts of days, list numbers) are not figures.
 */
import type { ChangeBasis, Unit } from '../../seed/vocabulary.js';
import { nlp, type Span } from './nlp.js';

export interface FoundChange {
  value: number;
  unit: 'percent';
  basis: ChangeBasis;
}

export interface FoundFigure extends Span {
  value: number;
  unit: Unit;
  /** As written, number and unit. */
  written: string;
  approximate: boolean;
  bound: 'AT_LEAST' | 'AT_MOST' | null;
  change: FoundChange | null;
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
const APPROXIMATE = /\b(?:about|around|nearly|approximately|roughly|some|almost|close\s+to)\s*$/i;
const AT_LEAST = /\b(?:over|more\s+than|above|at\s+least|exceeding|exceeded)\s*$/i;
const AT_MOST = /\b(?:under|less\s+than|below|at\s+most|up\s+to)\s*$/i;

interface NumberJson {
  text: string;
  number: { num: number; prefix: string; suffix: string };
  offset: { start: number; length: number };
}

/** Figures in a sentence (spans relative to the document: `offset` is the sentence's start). */
export function findFigures(sentence: string, offset: number): FoundFigure[] {
  const numbers = nlp(sentence).numbers().json({ offset: true }) as NumberJson[];
  const figures: FoundFigure[] = [];
  let pending: FoundChange | null = null;
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
    const basis = BASES.find((b) => b.pattern.test(rest))?.basis;
    const previous = figures[figures.length - 1];
    // A percentage given as a rise or fall, or against a basis, is the change of a figure:
    // the one before it in the sentence, or else the next one ("fell 5.5% YoY to 650,000 t").
    if (unit === 'percent' && (rise || fall || basis)) {
      const change: FoundChange = { value: fall ? -value : value, unit: 'percent', basis: basis ?? 'VS_BASELINE' };
      if (previous && !previous.change && previous.unit !== 'percent') previous.change = change;
      else pending = change;
      continue;
    }
    figures.push({
      start: offset + at,
      end: offset + at + length,
      value,
      unit,
      written: sentence.slice(at, at + length),
      approximate: APPROXIMATE.test(before),
      bound: AT_LEAST.test(before) ? 'AT_LEAST' : AT_MOST.test(before) ? 'AT_MOST' : null,
      change: pending,
    });
    pending = null;
  }
  return figures;
}
