/** selectsAnyOf and slimBelow: which fields an operation asks for below a resolver's field. */
import { type GraphQLResolveInfo, Kind, parse, type FragmentDefinitionNode, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectsAnyOf, selectsPath, slimBelow } from '../src/resolvers/selection.js';

/** The info a resolver of the operation's first root field gets (the parts selectsAnyOf reads). */
function infoOf(text: string): Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'> {
  const document = parse(text);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

const FACTS = ['relationships', 'nature'];

describe('selectsAnyOf', () => {
  it('finds a field at any depth, under an alias too', () => {
    expect(selectsAnyOf(infoOf('{ upstream(id: "x") { tiers { entities { path { hops { relationships { id } } } } } } }'), FACTS)).toBe(true);
    expect(selectsAnyOf(infoOf('{ upstream(id: "x") { tiers { entities { path { hops { f: relationships { id } } } } } } }'), FACTS)).toBe(true);
    expect(selectsAnyOf(infoOf('{ upstream(id: "x") { tiers { entities { nature } } } }'), FACTS)).toBe(true);
  });

  it('looks through inline and named fragments, nested and repeated', () => {
    expect(selectsAnyOf(infoOf('{ upstream(id: "x") { tiers { entities { ... on DependencyReach { path { nature } } } } } }'), FACTS)).toBe(true);
    const named = `{ upstream(id: "x") { ...a ...a } }
      fragment a on DependencyTiers { tiers { entities { ...b } } }
      fragment b on DependencyReach { path { hops { relationships { id } } } }`;
    expect(selectsAnyOf(infoOf(named), FACTS)).toBe(true);
  });

  it('is false only when no such field is asked for anywhere below', () => {
    expect(selectsAnyOf(infoOf('{ upstream(id: "x") { total tiers { entities { entity { id name } path { length nodes { id } } } } } }'), FACTS)).toBe(false);
    const named = `{ upstream(id: "x") { ...a } } fragment a on DependencyTiers { tiers { entities { entity { id } } } }`;
    expect(selectsAnyOf(infoOf(named), FACTS)).toBe(false);
  });

  it('does not count the field itself, only what is below it', () => {
    expect(selectsAnyOf(infoOf('{ nature { id } }'), ['nature'])).toBe(false);
  });

  it('counts a field under @skip or @include as selected (the safe side)', () => {
    expect(selectsAnyOf(infoOf('query ($s: Boolean!) { upstream(id: "x") { tiers { entities { nature @skip(if: $s) } } } }'), FACTS)).toBe(true);
  });
});

describe('selectsPath', () => {
  it('follows the path one field below the other, through fragments, and nowhere else', () => {
    const path = ['edges', 'node', 'sources'];
    expect(selectsPath(infoOf('{ entities { edges { node { id sources { id } } } } }'), path)).toBe(true);
    expect(selectsPath(infoOf('{ entities { ...c } } fragment c on EntityConnection { edges { node { ... on Company { sources { id } } } } }'), path)).toBe(true);
    expect(selectsPath(infoOf('{ entities { edges { node { relationships { evidence { sources { id } } } } } } }'), path)).toBe(false);
    expect(selectsPath(infoOf('{ entities { edges { node { id } } } }'), path)).toBe(false);
  });
});

describe('slimBelow', () => {
  const slim = (text: string) => slimBelow(infoOf(text));

  it('is slim for ids, names, kinds, degrees, claims, periods, natures and cited sources', () => {
    expect(slim('{ suppliers { entity { id name sources { id title } } relationship { from { id sources { id } } } } }')).toEqual({ entity: true, fact: true });
    expect(slim('{ suppliers { entity { id name kind degree __typename } relationship { id type meaning evidence { claim nature condition note period { text } sources { title } } } } }')).toEqual({ entity: true, fact: true });
    expect(slim('{ relationships { id type evidence { claim sources { id } } } }')).toEqual({ entity: true, fact: true });
    const named = `{ suppliers { ...l } } fragment l on Link { entity { ... on Company { id name } } relationship { ...f } } fragment f on Relationship { id evidence { claim } }`;
    expect(slim(named)).toEqual({ entity: true, fact: true });
  });

  it('is whole for any other field of the end or the fact, at any depth of fragments', () => {
    expect(slim('{ suppliers { entity { id description } relationship { id } } }')).toEqual({ entity: false, fact: true });
    expect(slim('{ suppliers { entity { id aliases } } }').entity).toBe(false);
    expect(slim('{ suppliers { entity { ... on Company { aliases } } } }').entity).toBe(false);
    expect(slim('{ relationships { evidence { references { claim } } } }').fact).toBe(false);
    const named = `{ suppliers { ...l } } fragment l on Link { relationship { ...f } } fragment f on Relationship { evidence { references { claim } } }`;
    expect(slim(named).fact).toBe(false);
  });

  it('reads a fact slim with its figure and the figure’s change, and a page of facts through its edges’ nodes', () => {
    expect(slim('{ suppliers { relationship { figure { value unit metric approximate bound change { value basis } } } } }')).toEqual({
      entity: true,
      fact: true,
    });
    expect(slim('{ tradeFigures { totalCount edges { cursor node { id from { id name } item { id } figure { value } } } pageInfo { hasNextPage } } }')).toEqual({
      entity: true,
      fact: true,
    });
    expect(slim('{ relationships { edges { node { evidence { references { claim } } } } } }')).toEqual({ entity: true, fact: false });
    expect(slim('{ relationships { edges { node { to { id description } } } } }')).toEqual({ entity: false, fact: true });
  });

  it('reads the ends slim when from and to show no more than slim fields, and whole otherwise or with a measurer', () => {
    expect(slim('{ suppliers { entity { id } relationship { from { id name } to { kind degree } item { id } } } }')).toEqual({ entity: true, fact: true });
    expect(slim('{ relationships { from { id } to { ... on Company { name } } } }')).toEqual({ entity: true, fact: true });
    expect(slim('{ suppliers { entity { id } relationship { from { id description } } } }')).toEqual({ entity: false, fact: true });
    expect(slim('{ relationships { to { id formerIds } } }').entity).toBe(false);
    expect(slim('{ relationships { to { id relationships { id } } } }').entity).toBe(false);
    expect(slim('{ relationships { figure { measuredBy { id } } } }').entity).toBe(false);
  });
});
