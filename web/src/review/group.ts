/** Proposals grouped by the document they come from, in the order the API gives them (oldest document first). */
export interface DocumentGroup<P> {
  source: P extends { source: infer S } ? S : never;
  proposals: P[];
}

export function byDocument<P extends { source: { id: string } }>(proposals: readonly P[]): DocumentGroup<P>[] {
  const groups = new Map<string, DocumentGroup<P>>();
  for (const proposal of proposals) {
    let group = groups.get(proposal.source.id);
    if (!group) {
      group = { source: proposal.source as DocumentGroup<P>['source'], proposals: [] };
      groups.set(proposal.source.id, group);
    }
    group.proposals.push(proposal);
  }
  return [...groups.values()];
}
