/**
 * toPlain: the one place Neo4j values become plain JavaScript. It converts the driver's
 * maps and lists in place (they are the driver's fresh copies), so a value with nothing
 * to convert is handed back as it came, and one with something is fixed where it sits.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { toPlain } from '../src/db/convert.js';

describe('toPlain', () => {
  it('turns integers, big integers and temporals into numbers and ISO strings, however deep', () => {
    const value = {
      count: neo4j.int(42),
      big: 7n,
      day: new neo4j.types.Date(2026, 1, 31),
      list: [neo4j.int(1), 'a', null, { at: new neo4j.types.LocalDateTime(2026, 1, 31, 12, 0, 5, 0) }],
      nested: { deeper: [[neo4j.int(-3)]] },
      text: 'x',
      yes: true,
    };
    expect(toPlain(value)).toEqual({
      count: 42,
      big: 7,
      day: '2026-01-31',
      list: [1, 'a', null, { at: '2026-01-31T12:00:05' }],
      nested: { deeper: [[-3]] },
      text: 'x',
      yes: true,
    });
  });

  it('converts in place and keeps what needs nothing as it is', () => {
    const inner = { id: 'a', tags: ['x', 'y'], n: 3 };
    const list = [inner, 'b'];
    const out = toPlain({ list }) as { list: unknown[] };
    expect(out.list).toBe(list);
    expect(out.list[0]).toBe(inner);
    expect(inner).toEqual({ id: 'a', tags: ['x', 'y'], n: 3 });
  });

  it('reads a node or relationship as its properties, and null and undefined as null', () => {
    const node = new neo4j.types.Node(neo4j.int(1), ['Entity'], { id: 'company:x', degree: neo4j.int(2) }, 'e1');
    expect(toPlain(node)).toEqual({ id: 'company:x', degree: 2 });
    // The node keeps its own properties: only the copy is converted.
    expect(neo4j.isInt(node.properties.degree)).toBe(true);
    expect(toPlain(null)).toBeNull();
    expect(toPlain(undefined)).toBeNull();
  });
});
