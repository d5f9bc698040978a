import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSeedFiles } from '../seed/load/files.js';
import { parsePeriod } from '../src/domain/period.js';
import { SeedValidationError, validateSeed } from '../seed/load/validate.js';
import { type Fixture, removeFixtures, validFixture, writeFixture } from './support/seed-fixture.js';

afterAll(removeFixtures);

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
      references: [
        { sourceId: 'src-a', claim: 'Maker made 1,000 t in 2024.', period: '2024', note: null },
        { sourceId: 'src-b', claim: 'Maker turned out 1,000 t in 2024.', period: '2024', note: null },
      ],
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
    expect(problemsOf((f) => (fact(f, 1).alsoStatedBy = [{ source: 'src-zzz', claim: 'x' }]))).toEqual([
      'facts/a.yaml: facts[1] "maker-produces-ingot".alsoStatedBy[0].source: unknown source "src-zzz"',
    ]);
    expect(problemsOf((f) => (fact(f, 1).alsoStatedBy = [{ source: 'src-a', claim: 'x' }]))).toEqual([
      'facts/a.yaml: facts[1] "maker-produces-ingot".alsoStatedBy[0].source: "src-a" is already this fact\'s source',
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

describe('Seed validation: the reasoning model', () => {
  const policyFixture = (clause: Record<string, unknown>) => (f: Fixture) => {
    f.entities['policies.yaml'] = [{ id: 'policy:ban', name: 'Ban', description: 'A ban.', issuedOn: '2026-01-06', effectiveFrom: '2026-01-06' }];
    f.entities['countries.yaml'] = [{ id: 'country:here', name: 'Here', description: 'A country.' }];
    (f.facts['a.yaml'] as { facts: unknown[] }).facts.push({ id: 'ban-restricts-ingot', type: 'RESTRICTS', from: 'policy:ban', period: '2026-01-06/..', claim: 'The ban stops ingot.', ...clause });
  };

  it('a metric outside the closed list, or in a unit the metric does not take', () => {
    expect(problemsOf((f) => Object.assign(fact(f, 1), { type: 'HAS_METRIC', metric: 'magnesium output share' }))).toEqual([
      expect.stringMatching(/^facts\/a\.yaml: facts\[1\] "maker-produces-ingot"\.metric: unknown metric "magnesium output share" \(expected one of SHARE_OF_WORLD_OUTPUT, /),
    ]);
    expect(problemsOf((f) => Object.assign(fact(f, 1), { type: 'HAS_METRIC', metric: 'SHARE_OF_WORLD_OUTPUT' }))).toEqual([
      'facts/a.yaml: facts[1] "maker-produces-ingot".quantity.unit: a SHARE_OF_WORLD_OUTPUT figure is in percent, not t',
    ]);
  });

  it('a measuring body that is not an organisation or company, and a share field (removed)', () => {
    expect(problemsOf((f) => (fact(f, 1).measuredBy = 'commodity:ingot'))).toEqual([
      'facts/a.yaml: facts[1] "maker-produces-ingot".measuredBy: must be an Organization or Company, "commodity:ingot" is a Commodity',
    ]);
    expect(problemsOf((f) => (fact(f, 1).share = { value: 50, of: 'world' }))).toEqual([
      expect.stringMatching(/^facts\/a\.yaml: facts\[1\] "maker-produces-ingot": Unrecognized key: "share"/),
    ]);
  });

  it('a policy clause names its place as an origin or a destination, never leaves it to be guessed', () => {
    expect(problemsOf(policyFixture({ to: 'country:here' }))).toEqual([
      'facts/a.yaml: facts[2] "ban-restricts-ingot".scope: list "country:here" as an origin or a destination; a policy\'s place cannot be guessed',
    ]);
    const graph = validate((() => { const f = validFixture(); policyFixture({ to: 'commodity:ingot', scope: { destinations: ['country:here'] } })(f); return f; })());
    const clause = graph.facts.find((x) => x.id === 'ban-restricts-ingot')!;
    expect(clause).toMatchObject({ periodStart: '2026-01-06', periodEnd: null });
    expect(clause.scope).toEqual({ items: ['commodity:ingot'], coveredItems: ['commodity:ingot'], origins: [], destinations: ['country:here'], endUsers: [], sectors: [], subjects: [] });
    expect(problemsOf(policyFixture({ to: 'commodity:ingot', scope: { origins: ['commodity:ingot'], destinations: ['country:here'] } }))).toEqual([
      'facts/a.yaml: facts[2] "ban-restricts-ingot".scope.origins[0]: "commodity:ingot" is a Commodity; allowed: Country, Region',
    ]);
    expect(problemsOf((f) => (fact(f, 0).scope = { items: [] }))).toEqual([
      'facts/a.yaml: facts[0] "maker-supplies-buyer".scope: only RESTRICTS and APPLIES_TO facts take a scope',
    ]);
  });

  it('a policy clause covers the goods narrower than its items (the broader taxonomy), and the taxonomy has no cycle', () => {
    const f = validFixture();
    f.entities['commodities.yaml']!.push({ id: 'commodity:metal', name: 'Metal', description: 'Any metal.' });
    (f.entities['commodities.yaml']![0] as Record<string, unknown>).broader = ['commodity:metal'];
    policyFixture({ to: 'commodity:metal', scope: { origins: ['country:here'] } })(f);
    const clause = validate(f).facts.find((x) => x.id === 'ban-restricts-ingot')!;
    expect(clause.scope!.coveredItems).toEqual(['commodity:ingot', 'commodity:metal']);
    expect(
      problemsOf((g) => {
        g.entities['commodities.yaml']!.push({ id: 'commodity:metal', name: 'Metal', description: 'Any metal.', broader: ['commodity:ingot'] });
        (g.entities['commodities.yaml']![0] as Record<string, unknown>).broader = ['commodity:metal'];
        (g.facts['a.yaml'] as { facts: unknown[] }).facts.push({ id: 'maker-produces-metal', type: 'PRODUCES', from: 'company:maker', to: 'commodity:metal', period: 2024, claim: 'x' });
      }),
    ).toEqual([
      'entities/commodities.yaml: [0] "commodity:ingot".broader: "commodity:ingot" ends up broader than itself',
      'entities/commodities.yaml: [1] "commodity:metal".broader: "commodity:metal" ends up broader than itself',
    ]);
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
    ['2026-01-06/..', '2026-01-06', null],
  ])('%s covers %s to %s', (text, start, end) => {
    expect(parsePeriod(text)).toEqual({ start, end });
  });

  it.each(['2025-13', '2025-02-30', 'Q3 2025', '2026/2025', ''])('rejects %j', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });
});
