/** Small seed folders written to a temp dir, for validator tests. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';

export interface Fixture {
  sources: unknown[];
  entities: Record<string, unknown[]>;
  facts: Record<string, unknown>;
}

/** A minimal valid seed: two sources, a supplier chain, a figure. */
export function validFixture(): Fixture {
  return {
    sources: [
      { id: 'src-a', file: 'a.txt', publisher: 'SMM', title: 'A', date: '2025-09-16', kind: 'MARKET_SURVEY' },
      { id: 'src-b', file: 'b.txt', publisher: 'Nobody', title: 'B', titleAssigned: true, date: null, dateNote: 'about 2025', kind: 'INDUSTRY_OVERVIEW' },
    ],
    entities: {
      'companies.yaml': [
        { id: 'company:maker', name: 'Maker Co', aliases: ['Maker'], description: 'Makes things.' },
        { id: 'company:buyer', name: 'Buyer Co', description: 'Buys things.' },
      ],
      'commodities.yaml': [{ id: 'commodity:ingot', name: 'Ingot', description: 'A metal ingot.' }],
    },
    facts: {
      'a.yaml': {
        source: 'src-a',
        facts: [
          { id: 'maker-supplies-buyer', type: 'SUPPLIES', from: 'company:maker', to: 'company:buyer', item: 'commodity:ingot', period: '2025-09', claim: 'Maker sells ingot to Buyer.' },
          { id: 'maker-produces-ingot', type: 'PRODUCES', from: 'company:maker', to: 'commodity:ingot', period: 2024, quantity: { value: 1000, unit: 't' }, change: { value: -2.5, unit: 'percent', basis: 'YOY' }, claim: 'Maker made 1,000 t in 2024.', alsoStatedBy: [{ source: 'src-b', claim: 'Maker turned out 1,000 t in 2024.' }] },
        ],
      },
    },
  };
}

const written: string[] = [];

export function writeFixture(fixture: Fixture): string {
  const dir = mkdtempSync(join(tmpdir(), 'mgkg-seed-'));
  written.push(dir);
  writeFileSync(join(dir, 'sources.yaml'), stringify(fixture.sources));
  mkdirSync(join(dir, 'entities'));
  for (const [name, rows] of Object.entries(fixture.entities)) writeFileSync(join(dir, 'entities', name), stringify(rows));
  mkdirSync(join(dir, 'facts'));
  for (const [name, body] of Object.entries(fixture.facts)) writeFileSync(join(dir, 'facts', name), stringify(body));
  return dir;
}

/** Removes every folder writeFixture wrote (call from afterAll). */
export function removeFixtures(): void {
  for (const dir of written.splice(0)) rmSync(dir, { recursive: true, force: true });
}
