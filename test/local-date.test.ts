/**
 * The LocalDate scalar remembers the dates it has checked on the way out (local-date.ts):
 * remembering must not let anything through that the check refuses.
 */
import { describe, expect, it } from 'vitest';
import { LocalDate } from '../src/resolvers/local-date.js';

describe('LocalDate', () => {
  it('sends calendar dates as they are, the first time and every time after', () => {
    for (let i = 0; i < 3; i += 1) {
      expect(LocalDate.serialize('2026-02-28')).toBe('2026-02-28');
      expect(LocalDate.serialize('2024-02-29')).toBe('2024-02-29');
    }
  });

  it('refuses what is not a calendar date in YYYY-MM-DD, also after checking good dates', () => {
    expect(LocalDate.serialize('2026-01-31')).toBe('2026-01-31');
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-31', '31.01.2026', '', 20260131, null, { date: '2026-01-31' }]) {
      expect(() => LocalDate.serialize(bad), String(bad)).toThrow(/LocalDate|not string/);
    }
  });

  it('checks input as graphql-scalars does', () => {
    expect(LocalDate.parseValue('2026-01-31')).toBe('2026-01-31');
    expect(() => LocalDate.parseValue('2026-02-30')).toThrow();
  });
});
