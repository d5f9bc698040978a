// Floor for `relationships(filter: {sourceId})` (bench/floor/): the facts citing a
// source, from the `fact_refs` index (the comparison decides), with the total and one
// page in list order (cypher/relationships/list.cypher: newest period first, an open
// end counting as the newest, then the latest start, then by id), with both ends and
// the evidence fields the benchmark selects, in one query. The page is a top-$limit
// sort of the matches, not a sort of them all.
// Parameters: $sourceId, $sourceQuery (the `fact_refs` Lucene query for it, built and
//             escaped by the handler), $limit (integer)
// Returns: one row: total, page (list of {id, type, from: {id, name}, to: {id, name},
//          evidence: {claim, period: {text}}})
// Mode: read
CALL db.index.fulltext.queryRelationships('fact_refs', $sourceQuery) YIELD relationship AS r
WITH r
WHERE $sourceId IN r.sourceIds AND startNode(r):Entity AND endNode(r):Entity
WITH collect(r) AS facts
CALL (facts) {
  UNWIND facts AS r
  WITH r
  ORDER BY r.periodEnd IS NULL DESC, r.periodEnd DESC, r.periodStart DESC, r.id
  LIMIT $limit
  WITH r, startNode(r) AS a, endNode(r) AS b
  RETURN collect({
    id: r.id, type: type(r),
    from: {id: a.id, name: a.name},
    to: {id: b.id, name: b.name},
    evidence: {claim: coalesce(r.claim, ''), period: {text: coalesce(r.period, '')}}
  }) AS page
}
RETURN size(facts) AS total, page
