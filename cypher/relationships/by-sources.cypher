// A page of the facts of each of many sources (the Source.facts DataLoader's batch),
// newest period first, with each source's total.
// Parameters: $sourceIds, $offset (int), $limit (int)
// Returns: sourceId, total, page (list of relationship maps with type, from, to)
// Mode: read
UNWIND $sourceIds AS sourceId
CALL (sourceId) {
  MATCH (:Entity)-[r]->(:Entity)
  WHERE sourceId IN r.sourceIds
  WITH r ORDER BY r.periodEnd DESC, r.periodStart DESC, r.id
  WITH collect(r) AS matches
  RETURN size(matches) AS total,
         [r IN matches[$offset..($offset + $limit)] | r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}] AS page
}
RETURN sourceId, total, page
