/**
 * When the figures of a sentence hold, as a period in the seed's notation (2025, 2025-12,
 * 2025-Q3, 2025-H1, 2025-09-10, start/end). compromise-dates reads most dates, relative
 * ones against the document's date ("last month"); the forms it reads wrongly in these
 * documents are read first by the rules here (each found in the seed's style of text):
 * month ranges ("January-November 2025": the library gives November only), halves ("H1
 * 2025", "first half of 2025": it gives nothing or the whole year), horizons ("by
 * 2030": it gives from today to 2029) and a month without its year ("rose 20% year on
 * year in March" in an April report: it gives next March, and takes "year" into the date).
 */
import { nlp, type Span } from './nlp.js';

export interface FoundPeriod extends Span {
  /** The seed's notation. */
  text: string;
  /** As written in the text. */
  written: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const pad = (n: number) => String(n).padStart(2, '0');
const monthNumber = (name: string) => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;

/** The rules for what the library misreads: each a pattern and the period it names. */
const RULES: { pattern: RegExp; period: (m: RegExpExecArray) => string }[] = [
  {
    // January-November 2025, Jan.–Nov. 2025, from January to November 2025
    pattern: new RegExp(`\\b(?:from\\s+)?${MONTH}\\s*(?:-|–|to|through)\\s*${MONTH}\\s+(\\d{4})\\b`, 'gi'),
    period: (m) => {
      const [from, to] = [monthNumber(m[1]!), monthNumber(m[2]!)];
      return from === 1 && to === 12 ? m[3]! : `${m[3]}-${pad(from)}/${m[3]}-${pad(to)}`;
    },
  },
  { pattern: /\bH([12])\s*(?:of\s+)?(\d{4})\b/gi, period: (m) => `${m[2]}-H${m[1]}` },
  { pattern: /\b(\d{4})\s*H([12])\b/gi, period: (m) => `${m[1]}-H${m[2]}` },
  { pattern: /\b(first|second)\s+half\s+(?:of\s+)?(\d{4})\b/gi, period: (m) => `${m[2]}-H${m[1]!.toLowerCase() === 'first' ? 1 : 2}` },
  { pattern: /\b(?:by|until|through)\s+(?:the\s+end\s+of\s+)?(\d{4})\b/gi, period: (m) => m[1]! },
];

/**
 * A month named without its year or day ("in March", "in early March"; capitalised, so
 * the verb "may" is not May), not a range's end. News reports what has happened, so it
 * is the latest such month up to the document's date ("March" in April 2026 is 2026-03,
 * "November" in January 2026 is 2025-11), unless its sentence looks ahead (FUTURE): then
 * the first such month from the document's date on.
 */
const BARE_MONTH =
  /(?<!\d\s{0,3})\b(?:(?:in|during|for|since|of)\s+)?(?:(?:early|late|mid)[\s-]+)?(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?![\p{L}\p{N}])(?!,?\s*(?:\d|-|–|to\b|through\b))/gu;
const FUTURE = /\b(?:will|expects?|expected|forecasts?|projected|plans?|planned|likely|outlook|targets?|could|might)\b/i;

/** A library date range in the seed's notation: the shortest form that says exactly it. */
export function periodText(start: string, end: string): string {
  const [sy, sm, sd] = start.split('-').map(Number) as [number, number, number];
  const [ey, em, ed] = end.split('-').map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(ey, em, 0)).getUTCDate();
  if (start === end) return start;
  if (sd === 1 && ed === lastDay && sy === ey) {
    if (sm === 1 && em === 12) return String(sy);
    if (sm === em) return `${sy}-${pad(sm)}`;
    if (em - sm === 2 && sm % 3 === 1) return `${sy}-Q${(sm + 2) / 3}`;
    if (em - sm === 5 && (sm === 1 || sm === 7)) return `${sy}-H${sm === 1 ? 1 : 2}`;
    return `${sy}-${pad(sm)}/${ey}-${pad(em)}`;
  }
  return `${start}/${end}`;
}

/**
 * The periods named in a stretch of text, in order, with their spans (relative to `offset`,
 * the stretch's place in the document). `today` (YYYY-MM-DD) anchors relative dates.
 */
export function findPeriods(text: string, offset: number, today: string | undefined): FoundPeriod[] {
  const found: FoundPeriod[] = [];
  const overlaps = (start: number, end: number) => found.some((p) => start < p.end && p.start < end);
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      const start = offset + m.index;
      const end = start + m[0].length;
      if (!overlaps(start, end)) found.push({ start, end, text: rule.period(m as RegExpExecArray), written: m[0] });
    }
  }
  if (today) {
    const [year, month] = today.split('-').map(Number) as [number, number];
    const ahead = FUTURE.test(text);
    for (const m of text.matchAll(BARE_MONTH)) {
      const start = offset + m.index;
      const end = start + m[0].length;
      const named = monthNumber(m[1]!);
      const inYear = ahead ? (named >= month ? year : year + 1) : named <= month ? year : year - 1;
      if (!overlaps(start, end)) found.push({ start, end, text: `${inYear}-${pad(named)}`, written: m[0] });
    }
  }
  // The dates plugin adds .dates() to documents; its types do not extend compromise's.
  const doc = nlp(text) as unknown as { dates(options: { today?: string }): { json(options: { offset: boolean }): unknown } };
  const dates = doc.dates(today ? { today } : {}).json({ offset: true }) as { text: string; offset: { start: number; length: number }; dates?: { start?: string; end?: string } }[];
  for (const date of dates) {
    if (!date.dates?.start || !date.dates.end) continue;
    // The library's span can run past the date ("in December 2025, up 12.4%"): it ends at
    // its last year, or at its first comma when it names none.
    const years = [...date.text.matchAll(/\b(?:19|20)\d{2}\b/g)];
    const last = years[years.length - 1];
    const cut = last ? last.index + last[0].length : date.text.includes(',') ? date.text.indexOf(',') : date.text.length;
    const written = date.text.slice(0, cut).replace(/[\s,;.]+$/, '');
    const start = offset + date.offset.start;
    const end = start + written.length;
    if (overlaps(start, end)) continue;
    found.push({ start, end, text: periodText(date.dates.start.slice(0, 10), date.dates.end.slice(0, 10)), written });
  }
  return found.sort((a, b) => a.start - b.start);
}
