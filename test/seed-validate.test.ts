import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSeedFiles } from '../seed/load/files.js';
import { parsePeriod } from '../seed/load/period.js';
import { SeedValidationError, validateSeed } from '../seed/load/validate.js';
import { type Fixture, validFixture, writeFixture } from './support/seed-fixture.js';

const validate = (fixture: Fixture) => {
  const dir = writeFixture(fixture);
  return validateSeed(readSeedFiles(dir, dir));
};

/** The problems the validator reports for a fixture changed by `mutate`. */
const problemsOf = (mutate: (f: Fixture) => void): string[] => {
  const fixture = validFixture();
  mutate(fixture);
  try {
    validate(fixture);
  } catch (error) {
    expect(error).toBeInstanceOf(SeedValidationError);
    return (error as SeedValidationError).problems;
  }
  throw new Error('expected the seed to be rejected');
};

const fact = (f: Fixture, index: number) => (f.facts['a.yaml'] as { facts: Record<string, unknown>[] }).facts[index]!;

describe('Seed validation: a valid seed', () => {
  it('becomes rows with sources, periods and entity sources derived', () => {
    const graph = validate(validFixture());
    expect(graph.sources.map((s) => s.id)).toEqual(['src-a', 'src-b']);
    const produces = graph.facts.find((f) => f.id === 'maker-produces-ingot')!;
    expect(produces).toMatchObject({
      type: 'PRODUCES',
      period: '2024',
      periodStart: '2024-01-01',
      periodEnd: '2024-12-31',
      sourceIds: ['src-a', 'src-b'],
      quantity: { value: 1000, unit: 't' },
      change: { value: -2.5, unit: 'percent', basis: 'YOY', approximate: false },
      nature: 'REPORTED',
    });
    expect(graph.entities.find((e) => e.id === 'company:maker')).toMatchObject({ kind: 'Company', sourceIds: ['src-a', 'src-b'] });
    expect(graph.entities.find((e) => e.id === 'company:buyer')).toMatchObject({ kind: 'Company', sourceIds: ['src-a'] });
  });
});

describe('Seed validation: errors name the file and the key', () => {
  it('a relationship to a missing entity', () => {
    expect(problemsOf((f) => (fact(f, 0).to = 'company:ghost'))).toEqual([
      'facts/a.yaml: facts[0] "maker-supplies-buyer".to: unknown entity "company:ghost"',
      'entities/companies.yaml: [1] "company:buyer": entity "company:buyer" takes part in no fact; link it or remove it',
    ]);
  });

  it('an unknown source', () => {
    expect(problemsOf((f) => (fact(f, 1).alsoSources = ['src-zzz']))).toEqual([
      'facts/a.yaml: facts[1] "maker-produces-ingot".alsoSources[0]: unknown source "src-zzz"',
    ]);
    expect(problemsOf((f) => ((f.facts['a.yaml'] as { source: string }).source = 'nope'))).toContain(
      'facts/a.yaml: source: unknown source "nope" (not in sources.yaml)',
    );
  });

  it('an unknown unit', () => {
    expect(problemsOf((f) => (fact(f, 1).quantity = { value: 1000, unit: 'tons' }))).toEqual([
      expect.stringMatching(/^facts\/a\.yaml: facts\[1\] "maker-produces-ingot"\.quantity\.unit: unknown unit "tons" \(expected one of t, vehicle/),
    ]);
  });

  it('an unknown relationship type, and a type that cannot join those kinds', () => {
    expect(problemsOf((f) => (fact(f, 0).type = 'SELLS'))).toEqual([
      'facts/a.yaml: facts[0] "maker-supplies-buyer".type: unknown relationship type "SELLS" (see seed/vocabulary.ts)',
    ]);
    expect(problemsOf((f) => (fact(f, 1).type = 'ISSUED_BY'))).toEqual([
      'facts/a.yaml: facts[1] "maker-produces-ingot".from: ISSUED_BY cannot start at a Company ("company:maker"); allowed: Policy',
      'facts/a.yaml: facts[1] "maker-produces-ingot".to: ISSUED_BY cannot end at a Commodity ("commodity:ingot"); allowed: Organization, Country',
      'facts/a.yaml: facts[1] "maker-produces-ingot".quantity: ISSUED_BY does not take a quantity',
    ]);
  });

  it('an id with the wrong prefix for its file', () => {
    expect(
      problemsOf((f) => f.entities['commodities.yaml']!.push({ id: 'company:other', name: 'Other', description: 'x' })),
    ).toEqual(['entities/commodities.yaml: [1] "company:other".id: a Commodity id must start with "commodity:", got "company:other"']);
  });

  it('a duplicate id', () => {
    expect(
      problemsOf((f) => f.entities['commodities.yaml']!.push({ id: 'commodity:ingot', name: 'Other', description: 'x' })),
    ).toEqual([
      'entities/commodities.yaml: [1] "commodity:ingot".id: duplicate entity id "commodity:ingot" (also in entities/commodities.yaml: [0] "commodity:ingot")',
    ]);
  });

  it('two entities sharing a name or alias, whatever the case', () => {
    expect(
      problemsOf((f) => ((f.entities['companies.yaml']![1] as { aliases: string[] }).aliases = ['MAKER'])),
    ).toEqual(['entities/companies.yaml: [1] "company:buyer".aliases[0]: "MAKER" is already the name or an alias of "company:maker"']);
  });

  it('a period that is not a period, and a source without date or note', () => {
    expect(problemsOf((f) => (fact(f, 0).period = 'last year'))).toEqual([
      'facts/a.yaml: facts[0] "maker-supplies-buyer".period: "last year" is not a period (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn, YYYY-Hn or start/end)',
    ]);
    expect(problemsOf((f) => delete (f.sources[1] as Record<string, unknown>).dateNote)).toEqual([
      'sources.yaml: [1] "src-b".dateNote: required when date is null (say what is known of when it was written)',
    ]);
  });

  it('a missing claim and an unknown field', () => {
    expect(
      problemsOf((f) => {
        delete fact(f, 0).claim;
        fact(f, 1).colour = 'blue';
      }),
    ).toEqual([
      expect.stringMatching(/^facts\/a\.yaml: facts\[0\] "maker-supplies-buyer"\.claim: /),
      expect.stringMatching(/^facts\/a\.yaml: facts\[1\] "maker-produces-ingot": Unrecognized key: "colour"/),
    ]);
  });

  it('invalid YAML', () => {
    const dir = writeFixture(validFixture());
    writeFileSync(join(dir, 'facts', 'a.yaml'), 'source: src-a\nfacts: [ {id: x\n');
    expect(() => readSeedFiles(dir, dir)).toThrow(/^facts\/a\.yaml: invalid YAML: /);
  });
});

describe('Seed validation: periods', () => {
  it.each([
    ['2025', '2025-01-01', '2025-12-31'],
    ['2025-02', '2025-02-01', '2025-02-28'],
    ['2024-02', '2024-02-01', '2024-02-29'],
    ['2025-Q3', '2025-07-01', '2025-09-30'],
    ['2025-H2', '2025-07-01', '2025-12-31'],
    ['2025-09-10', '2025-09-10', '2025-09-10'],
    ['2025-01/2025-06', '2025-01-01', '2025-06-30'],
    ['2024/2035', '2024-01-01', '2035-12-31'],
  ])('%s covers %s to %s', (text, start, end) => {
    expect(parsePeriod(text)).toEqual({ start, end });
  });

  it.each(['2025-13', '2025-02-30', 'Q3 2025', '2026/2025', ''])('rejects %j', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });
});
