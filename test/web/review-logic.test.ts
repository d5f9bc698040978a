/**
 * The review page's pure logic, without a browser: the marked passage and document
 * text, proposals grouped by document, the edits sent from the accept form, the
 * idempotency key of each attempt, and where the token is kept.
 */
import { describe, expect, it } from 'vitest';
import type { ProposalCardFragment } from '../../web/src/generated/graphql.js';
import { Attempts, newKey } from '../../web/src/review/attempts.js';
import { figureText } from '../../web/src/review/card.js';
import { editsOf, initialValues } from '../../web/src/review/edits.js';
import { byDocument } from '../../web/src/review/group.js';
import { mentionSegments, passageSegments } from '../../web/src/review/passage.js';
import { forgetToken, readToken, saveToken } from '../../web/src/review/token.js';

const source = { id: 'doc-a', publisher: 'P', title: 'T', date: '2026-02-10', dateNote: null, url: null };
const base: ProposalCardFragment = {
  id: 'doc-a~1',
  kind: 'FACT',
  status: 'PENDING',
  source,
  passage: 'China exported 41,230 mt of magnesium ingot.',
  passageStart: 100,
  passageEnd: 144,
  start: 115,
  end: 124,
  name: null,
  entityKind: null,
  suggestedId: 'china-exports-magnesium-ingot-2026-01',
  factType: 'EXPORTS',
  from: { id: 'country:china', name: 'China' },
  fromNewName: null,
  to: { id: 'commodity:magnesium-ingot', name: 'magnesium ingot' },
  figure: { value: 41230, unit: 't', approximate: false, bound: null, change: { value: 6.8, unit: 'percent', basis: 'YOY' }, otherChanges: [] },
  period: '2026-01',
  nature: 'REPORTED',
  reviewNote: null,
  decidedAt: null,
  decidedBy: null,
  note: null,
  resultId: null,
};
const entity: ProposalCardFragment = {
  ...base,
  id: 'doc-a~2',
  kind: 'ENTITY',
  name: 'Example Works Co., Ltd.',
  entityKind: 'COMPANY',
  suggestedId: 'company:example-works',
  factType: null,
  from: null,
  to: null,
  figure: null,
  period: null,
  nature: null,
};

describe('passage and mentions', () => {
  it('marks the proposed figure inside its passage, by offsets in the document', () => {
    expect(passageSegments(base)).toEqual([{ text: 'China exported ' }, { text: '41,230 mt', mark: { title: 'proposed' } }, { text: ' of magnesium ingot.' }]);
  });

  it('clamps a span that runs past the passage', () => {
    expect(passageSegments({ passage: 'abc', passageStart: 10, start: 12, end: 40 }).map((s) => s.text)).toEqual(['ab', 'c']);
  });

  it('marks mentions in order and leaves out one overlapping an earlier mention', () => {
    const e = (id: string) => ({ id, name: id.toUpperCase() });
    const segments = mentionSegments('Japan and South Korea buy.', [
      { start: 10, end: 21, entity: e('country:south-korea') },
      { start: 0, end: 5, entity: e('country:japan') },
      { start: 16, end: 21, entity: e('country:korea') },
    ]);
    expect(segments.map((s) => [s.text, s.mark?.entityId])).toEqual([
      ['Japan', 'country:japan'],
      [' and ', undefined],
      ['South Korea', 'country:south-korea'],
      [' buy.', undefined],
    ]);
  });
});

describe('figureText', () => {
  it('reads a figure with its change, a change given without a figure, and the changes a fact cannot hold', () => {
    expect(figureText(base.figure!)).toBe('41,230 t, +6.8 percent YOY');
    const changeOnly = { ...base.figure!, value: null, unit: null, change: { value: -3.5, unit: 'percent', basis: 'MOM' as const } };
    expect(figureText(changeOnly)).toBe('no figure, −3.5 percent MOM');
    const two = { ...base.figure!, otherChanges: [{ value: 3.1, unit: 'percent', basis: 'MOM' as const }] };
    expect(figureText(two)).toBe('41,230 t, +6.8 percent YOY (also +3.1 percent MOM)');
  });

  it('leaves the figure fields empty for the curator to fill when only a change was given', () => {
    const changeOnly = { ...base, figure: { ...base.figure!, value: null, unit: null } };
    expect(initialValues(changeOnly)).toMatchObject({ figureValue: '', figureUnit: '', changeValue: '6.8', changeUnit: 'percent', changeBasis: 'YOY' });
  });
});

describe('byDocument', () => {
  it('groups proposals under their document, in the order given', () => {
    const other = { ...source, id: 'doc-b' };
    const groups = byDocument([base, { ...base, id: 'doc-b~1', source: other }, entity]);
    expect(groups.map((g) => [g.source.id, g.proposals.map((p) => p.id)])).toEqual([
      ['doc-a', ['doc-a~1', 'doc-a~2']],
      ['doc-b', ['doc-b~1']],
    ]);
  });
});

describe('editsOf', () => {
  it('sends nothing but the curator’s own words when nothing else changed', () => {
    const initial = initialValues(entity);
    expect(editsOf('ENTITY', initial, { ...initial })).toEqual({});
    expect(editsOf('ENTITY', initial, { ...initial, description: '  A maker.  ' })).toEqual({ description: 'A maker.' });
  });

  it('sends an entity’s changed id, name and aliases (one per line)', () => {
    const initial = initialValues(entity);
    expect(editsOf('ENTITY', initial, { ...initial, id: 'company:example', name: 'Example Works', aliases: 'EW\n\n Example ', description: 'A maker.' })).toEqual({
      id: 'company:example',
      name: 'Example Works',
      aliases: ['EW', 'Example'],
      description: 'A maker.',
    });
  });

  it('sends a fact’s changed fields only, so the server keeps the rest and its id rules apply', () => {
    const initial = initialValues(base);
    expect(initial).toMatchObject({ id: base.suggestedId, type: 'EXPORTS', from: 'country:china', to: 'commodity:magnesium-ingot', figureValue: '41230', changeBasis: 'YOY' });
    expect(editsOf('FACT', initial, { ...initial, claim: 'China exported it.', type: 'PRODUCES', note: '' })).toEqual({ claim: 'China exported it.', type: 'PRODUCES' });
  });

  it('sends the whole figure when any part of it changed; a value that is not a number goes as typed', () => {
    const initial = initialValues(base);
    expect(editsOf('FACT', initial, { ...initial, figureValue: '41,000', figureApproximate: 'true' }).figure).toEqual({
      value: '41,000',
      unit: 't',
      approximate: true,
      bound: null,
      change: { value: 6.8, unit: 'percent', basis: 'YOY' },
    });
    expect(editsOf('FACT', initial, { ...initial, changeValue: '' }).figure).toEqual({ value: 41230, unit: 't', approximate: false, bound: null, change: null });
  });
});

describe('Attempts', () => {
  it('keeps the key while the same decision is retried; a different decision gets a new one', () => {
    let n = 0;
    const attempts = new Attempts(() => `key-${++n}`);
    const accept = { action: 'accept', edits: { description: 'A maker.' } };
    expect(attempts.keyFor('p~1', accept)).toBe('key-1');
    expect(attempts.keyFor('p~1', { ...accept })).toBe('key-1');
    expect(attempts.keyFor('p~2', accept)).toBe('key-2');
    expect(attempts.keyFor('p~1', { action: 'accept', edits: { description: 'A maker of parts.' } })).toBe('key-3');
    expect(attempts.keyFor('p~1', accept)).toBe('key-4');
  });

  it('makes version 4 UUIDs', () => {
    expect(newKey()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newKey()).not.toBe(newKey());
  });
});

describe('token', () => {
  it('is kept in the storage given (sessionStorage on the page), trimmed, and forgotten', () => {
    const items = new Map<string, string>();
    const storage = {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => void items.set(k, v),
      removeItem: (k: string) => void items.delete(k),
    } as Storage;
    expect(readToken(storage)).toBeNull();
    saveToken('  secret-key ', storage);
    expect(readToken(storage)).toBe('secret-key');
    forgetToken(storage);
    expect(readToken(storage)).toBeNull();
  });
});
