/**
 * Periods as the seed writes them (ISO 8601 dates, months, years, quarters, halves, and
 * intervals of those, and `start/..` with an open end) and the first and last day they cover, so figures can be filtered
 * by date. Days are ISO strings (YYYY-MM-DD), which sort and compare as dates.
 */

export interface PeriodRange {
  start: string;
  /** The last day, or null for an open end (`2026-01-06/..`: in force from that day on). */
  end: string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOfMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

function single(text: string): { start: string; end: string } | undefined {
  let m = /^(\d{4})$/.exec(text);
  if (m) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  m = /^(\d{4})-Q([1-4])$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const q = Number(m[2]);
    const endMonth = q * 3;
    return {
      start: `${year}-${pad(endMonth - 2)}-01`,
      end: `${year}-${pad(endMonth)}-${lastDayOfMonth(year, endMonth)}`,
    };
  }
  m = /^(\d{4})-H([12])$/.exec(text);
  if (m)
    return m[2] === '1'
      ? { start: `${m[1]}-01-01`, end: `${m[1]}-06-30` }
      : { start: `${m[1]}-07-01`, end: `${m[1]}-12-31` };
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    if (month < 1 || month > 12) return undefined;
    return { start: `${m[1]}-${m[2]}-01`, end: `${m[1]}-${m[2]}-${lastDayOfMonth(year, month)}` };
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const year = Number(m[1]);
    const month = Number(m[2]);
    const day = Number(m[3]);
    if (month < 1 || month > 12 || day < 1 || day > lastDayOfMonth(year, month)) return undefined;
    return { start: text, end: text };
  }
  return undefined;
}

/** The range a period covers, or undefined when the text is not a period this project accepts. */
export function parsePeriod(text: string): PeriodRange | undefined {
  const parts = text.split('/');
  if (parts.length === 1) return single(text);
  if (parts.length !== 2) return undefined;
  const from = single(parts[0]!);
  // ISO 8601-2's open end: the fact holds from its start with no end known.
  if (parts[1] === '..') return from ? { start: from.start, end: null } : undefined;
  const to = single(parts[1]!);
  if (!from || !to || from.start > to.end) return undefined;
  return { start: from.start, end: to.end };
}

/** True for a full ISO calendar date such as 2025-09-16. */
export const isIsoDate = (text: string) => /^\d{4}-\d{2}-\d{2}$/.test(text) && single(text) !== undefined;
