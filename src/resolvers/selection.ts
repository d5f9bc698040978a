/**
 * What an operation selects below a field, read from the resolver's info: whether any
 * field of the given names is asked for at any depth, through fragments and inline
 * fragments, under any alias. Conservative by design: a resolver may skip work only for
 * what is surely not selected (a directive such as @skip still counts as selected).
 */
import type { GraphQLResolveInfo, SelectionSetNode } from 'graphql';

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
