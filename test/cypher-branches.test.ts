/**
 * keepBranches: a query file's marked union sent with only the branches a request can
 * use. Checked on a small text and on the two files that mark their branches: kept
 * whole, each is exactly its file's text; kept in part, the other branches are gone and
 * the rest is untouched.
 */
import { describe, expect, it } from 'vitest';
import { branchNames, cypher, type CypherQuery, keepBranches, sentText } from '../src/db/cypher.js';

const query = (text: string): CypherQuery => ({ name: 'test/branches', text, mode: 'read' });

const UNION_OF_THREE = query(`MATCH (e:Entity {id: $id})
CALL (e) {
  // Branch out
  MATCH (e)-[r]->(o)
  RETURN r, o
  UNION
  // Branch nested
  CALL (e) {
    MATCH (e)<-[r]-(o)
    RETURN r, o
    UNION
    MATCH (e)-[r]-(o)
    RETURN r, o
  }
  // A comment that stays with its branch.
  RETURN r, o
  UNION
  // Branch out
  MATCH (e)-[r:SUPPLIES]->(o)
  RETURN r, o
}
RETURN r, o`);

describe('keepBranches', () => {
  it('names each marked branch once, in file order', () => {
    expect(branchNames(UNION_OF_THREE)).toEqual(['out', 'nested']);
    expect(branchNames(query('RETURN 1'))).toEqual([]);
  });

  it('keeps the branches named, joined by UNION, and leaves the text around the union as it was', () => {
    expect(sentText(keepBranches(UNION_OF_THREE, ['nested']))).toBe(`MATCH (e:Entity {id: $id})
CALL (e) {
  CALL (e) {
    MATCH (e)<-[r]-(o)
    RETURN r, o
    UNION
    MATCH (e)-[r]-(o)
    RETURN r, o
  }
  RETURN r, o
}
RETURN r, o`);
    // A name marking two branches keeps both.
    expect(sentText(keepBranches(UNION_OF_THREE, ['out']))).toBe(`MATCH (e:Entity {id: $id})
CALL (e) {
  MATCH (e)-[r]->(o)
  RETURN r, o
  UNION
  MATCH (e)-[r:SUPPLIES]->(o)
  RETURN r, o
}
RETURN r, o`);
  });

  it('kept whole, gives the text as it was, in any order of names', () => {
    expect(keepBranches(UNION_OF_THREE, ['nested', 'out']).text).toBe(UNION_OF_THREE.text);
  });

  it('returns the same query for the same names, whatever their order (one text, one plan)', () => {
    expect(keepBranches(UNION_OF_THREE, ['out', 'nested'])).toBe(keepBranches(UNION_OF_THREE, ['nested', 'out']));
  });

  it('refuses a name not marked, no name at all, and a union whose branches are not separated by UNION', () => {
    expect(() => keepBranches(UNION_OF_THREE, ['in'])).toThrow('cypher/test/branches.cypher marks no branch in');
    expect(() => keepBranches(UNION_OF_THREE, [])).toThrow('keep at least one branch');
    expect(() => keepBranches(query('RETURN 1'), ['out'])).toThrow('marks no branch');
    const unseparated = query(`CALL () {
  // Branch a
  RETURN 1 AS x
  // Branch b
  RETURN 2 AS x
}
RETURN x`);
    expect(() => keepBranches(unseparated, ['a'])).toThrow('branch a does not end with UNION before branch b');
    const misplaced = query(`CALL () {
  // Branch a
  RETURN 1 AS x
  UNION
    // Branch b
  RETURN 2 AS x
}
RETURN x`);
    expect(() => keepBranches(misplaced, ['a'])).toThrow("branch b is not marked at the union's indentation");
  });

  it.each([
    ['entities/links', ['direct-out', 'direct-in', 'item', 'within', 'member-from', 'scope', 'member-to'], 'direct-in', 'MATCH (e)-[r]->(o:Entity)'],
    ['relationships/list', ['unanchored', 'source', 'item', 'entity', 'place', 'place-exports', 'place-imports', 'place-production', 'place-capacity'], 'place-exports', 'AS bySource'],
  ])('%s marks its branches, and kept whole is its own text', (name, branches, one, gone) => {
    const file = cypher(name);
    expect(branchNames(file)).toEqual(branches);
    expect(keepBranches(file, branches).text).toBe(file.text);
    const kept = sentText(keepBranches(file, [one]));
    expect(kept).not.toContain(gone);
    expect(kept.length).toBeLessThan(sentText(file).length);
  });
});
