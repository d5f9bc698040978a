/**
 * The export's file layout without a database: the stored properties are computed with
 * the loader's own mapping (seed/load/write.ts), so these cases need no Neo4j.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { layOutSeed } from '../seed/export/layout.js';
import type { GraphSnapshot } from '../seed/export/records.js';
import { readSeedFiles } from '../seed/load/files.js';
import { validateSeed } from '../seed/load/validate.js';
import { entityProps, factProps, SEEDED, sourceProps } from '../src/domain/props.js';
import { PROJECT_ROOT } from '../src/graph.js';

/** What loading the seed in `dir` would store, as the export reads it back. */
function storedSnapshot(dir: string): GraphSnapshot {
  const graph = validateSeed(readSeedFiles(dir, dir));
  const kinds = new Map(graph.entities.map((e) => [e.id, e.kind]));
  return {
    sources: graph.sources.map((s) => ({ props: sourceProps(s, SEEDED).props as never })),
    entities: graph.entities.map((e) => ({ props: entityProps(e, SEEDED).props as never })),
    facts: graph.facts.map((f) => ({ type: f.type, from: f.from, to: f.to, toKind: kinds.get(f.to)!, props: factProps(f, SEEDED).props as never })),
    retracted: graph.retracted.map((r) => ({ props: r.props as never })),
  };
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function seedDir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'mgkg-export-unit-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const SOURCES = `- id: src-a
  file: a.txt
  publisher: SMM
  title: "A survey"
  titleAssigned: false
  date: 2025-09-16
  dateNote: null
  kind: MARKET_SURVEY
`;
const COMPANIES = `- id: company:maker
  name: Maker Co
  aliases: [Maker]
  description: Makes things.

- id: company:buyer
  name: Buyer Co
  aliases: []
  description: Buys things.
`;
const FACTS = `source: src-a
facts:
  # --- supply ---
  - id: maker-supplies-buyer
    type: SUPPLIES
    from: company:maker
    to: company:buyer
    period: "2025"
    # the source says "sells"
    claim: Maker sells to Buyer.

  # --- rivalry ---
  - id: maker-competes-with-buyer
    type: COMPETES_WITH
    from: company:maker
    to: company:buyer
    period: 2025-09-16
    claim: Maker and Buyer compete.
`;

describe('Export: layout', () => {
  it('the repository seed, as the loader stores it, exports to its own files byte for byte', () => {
    const dir = resolve(PROJECT_ROOT, 'seed');
    const exported = layOutSeed(storedSnapshot(dir), dir);
    expect(exported.warnings).toEqual([]);
    expect([...exported.changes.keys()]).toEqual([]);
  });

  it('patches a changed item key by key, keeps comments, drops a removed item and a heading left with nothing under it, appends new items by id', () => {
    const dir = seedDir({ 'sources.yaml': SOURCES, 'entities/companies.yaml': COMPANIES, 'facts/a.yaml': FACTS });
    const snapshot = storedSnapshot(dir);
    const supplies = snapshot.facts.find((f) => f.props.id === 'maker-supplies-buyer')!;
    supplies.props = { ...supplies.props, claim: 'Maker sells "ingot" to Buyer.', refClaims: ['Maker sells "ingot" to Buyer.'] };
    snapshot.facts = snapshot.facts.filter((f) => f.props.id !== 'maker-competes-with-buyer');
    snapshot.entities.push({ props: { id: 'company:agent', kind: 'Company', name: 'Agent Co', aliases: ['Agent', 'AC'], description: 'Trades things.' } });
    snapshot.facts.push({
      type: 'HAS_CAPACITY', from: 'company:maker', to: 'company:maker', toKind: 'Company',
      props: { id: 'maker-capacity', claim: 'Maker can make 1,000 t a year.', period: '2025', quantity: 1000, unit: 't', approximate: true, nature: 'PLAN',
        refSourceIds: ['src-a'], refClaims: ['Maker can make 1,000 t a year.'], refPeriods: ['2025'], refNotes: [''], curatedAt: '2026-02-01T00:00:00Z', curatedBy: 'ann' },
    });
    const exported = layOutSeed(snapshot, dir);
    expect(Object.fromEntries(exported.summary)).toEqual({
      'entities/companies.yaml': { added: ['company:agent'], changed: [], removed: [] },
      'facts/a.yaml': { added: ['maker-capacity'], changed: ['maker-supplies-buyer'], removed: ['maker-competes-with-buyer'] },
    });
    // The first item keeps its comments, with only its claim changed; the second goes with its heading.
    const kept = FACTS.slice(0, FACTS.indexOf('\n  # --- rivalry')).replace('Maker sells to Buyer.', 'Maker sells "ingot" to Buyer.');
    expect(exported.changes.get('facts/a.yaml')).toBe(`${kept}
  - id: maker-capacity
    type: HAS_CAPACITY
    from: company:maker
    to: company:maker
    quantity: { value: 1000, unit: t }
    approximate: true
    nature: PLAN
    period: "2025"
    claim: Maker can make 1,000 t a year.
`);
    expect(exported.changes.get('entities/companies.yaml')).toBe(`${COMPANIES}\n- id: company:agent\n  name: Agent Co\n  aliases: [Agent, AC]\n  description: Trades things.\n`);
    expect(readFileSync(join(dir, 'facts', 'a.yaml'), 'utf8')).toBe(FACTS);
  });
});
