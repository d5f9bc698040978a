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

const alongByField = new WeakMap<readonly FieldNode[], LinksAlong>();

/**
 * What a link field's selection reads besides the links themselves, so that its one
 * query can bring it along: the facts' sources, their item entities. Worked out once per
 * field of an operation (graphql-js hands every item of a list the same field nodes).
 */
export function linksAlong(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): LinksAlong {
  let along = alongByField.get(info.fieldNodes);
  if (!along) {
    along = { sources: selectsAnyOf(info, SOURCE_FIELDS), item: selectsAnyOf(info, ['item']) };
    alongByField.set(info.fieldNodes, along);
  }
  return along;
}

/** Fields of a fact that name entities. */
const END_FIELDS = ['from', 'to', 'item', 'measuredBy'] as const;

/** What a page of facts' selection reads below it: the entities they name, their sources. */
export const relationshipsAlong = (info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>) => ({
  withEnds: selectsAnyOf(info, END_FIELDS),
  withSources: selectsAnyOf(info, SOURCE_FIELDS),
});
