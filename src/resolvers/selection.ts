/**
 * What an operation selects below a field, read from the resolver's info: whether any
 * field of the given names is asked for at any depth, through fragments and inline
 * fragments, under any alias. Conservative by design: a resolver may skip work only for
 * what is surely not selected (a directive such as @skip still counts as selected).
 */
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { LinksAlong } from '../context.js';

export function selectsAnyOf(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, names: readonly string[]): boolean {
  const wanted = new Set(names);
  const visited = new Set<string>();
  const search = (set: SelectionSetNode | undefined): boolean => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        if (wanted.has(selection.name.value) || search(selection.selectionSet)) return true;
      } else if (selection.kind === 'InlineFragment') {
        if (search(selection.selectionSet)) return true;
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        if (search(info.fragments[selection.name.value]?.selectionSet)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((node) => search(node.selectionSet));
}

/** Fields below a link or relationship that read a fact's sources. */
const SOURCE_FIELDS = ['sources', 'source', 'statedOn'] as const;
/** Fields of a fact that name entities. */
const END_FIELDS = ['from', 'to', 'item', 'measuredBy'] as const;

/** What a selection reads below the facts a field returns, besides the facts themselves. */
export interface ReadsBelow extends Required<LinksAlong> {
  /** Their sources (cited, referenced, their ends'). */
  sources: boolean;
  /** Their item entities. */
  item: boolean;
  /** Any entity they name (from, to, item, measurer). */
  ends: boolean;
}

const readsByField = new WeakMap<readonly FieldNode[], ReadsBelow>();

/**
 * What a field's selection reads below the facts it returns, so that the one query
 * answering the field can bring it along. Worked out once per field of an operation
 * (graphql-js hands every item of a list the same field nodes).
 */
export function readsBelow(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): ReadsBelow {
  let reads = readsByField.get(info.fieldNodes);
  if (!reads) {
    reads = { sources: selectsAnyOf(info, SOURCE_FIELDS), item: selectsAnyOf(info, ['item']), ends: selectsAnyOf(info, END_FIELDS) };
    readsByField.set(info.fieldNodes, reads);
  }
  return reads;
}
