// A page of the facts of each of many sources (the Source.facts DataLoader's batch),
// newest period first (a period with no end, periodEnd null, counting as the newest),
// with each source's total. Each source's facts come from the
// `fact_refs` index; `query` is its Lucene query for the source id, built and escaped
// by the data layer, and the id comparison decides.
// Parameters: $sources: list of {id, query}, $offset (int), $limit (int)
// Returns: sourceId, total, page (list of relationship maps with type, from, to)
// Mode: read
UNWIND $sources AS source
CALL (source) {
  CALL db.index.fulltext.queryRelationships('fact_refs', source.query) YIELD relationship AS r
  WHERE source.id IN r.sourceIds AND startNode(r):Entity AND endNode(r):Entity
  WITH r ORDER BY r.periodEnd IS NULL DESC, r.periodEnd DESC, r.periodStart DESC, r.id
  WITH collect(r) AS matches
  RETURN size(matches) AS total,
         [r IN matches[$offset..($offset + $limit)] | r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}] AS page
}
RETURN source.id AS sourceId, total, page
