// Floor for `tradeFigures(place, measures: [EXPORTS])` (bench/floor/): the export
// figures of a place, as cypher/relationships/list.cypher selects them for that measure:
// the EXPORTS and EXPORTS_TO facts reported by the place or by an entity within it
// (located in or a member of it, through up to 4 LOCATED_IN or MEMBER_OF hops, every
// place between a Country or Region), and the IMPORTS_FROM facts others report from
// them; figures only. The total and one page in list order (newest period first, an
// open end counting as the newest, then the latest start, then by id), with both ends,
// the item, the figure and the evidence fields the benchmark selects, in one query.
// Each place's relationships are expanded once, for the three types together. An id
// merged away finds its survivor, as the API's argument check does.
// Parameters: $place (entity id), $limit (integer)
// Returns: one row: total, page (list of {id, type, from: {id, name}, to: {id, name},
//          item: {id, name} or null, figure: {value, unit}, evidence: {period: {text},
//          sources: [{title}]}})
// Mode: read
OPTIONAL MATCH (redirect:EntityRedirect {id: $place})
MATCH (place:Entity {id: coalesce(redirect.to, $place)})
CALL (place) {
  RETURN place AS p
  UNION
  MATCH (place) (()<-[:LOCATED_IN|MEMBER_OF]-(:Country|Region)){0,3} ()<-[:LOCATED_IN|MEMBER_OF]-(p:Entity)
  RETURN p
}
MATCH (p)-[r:EXPORTS|EXPORTS_TO|IMPORTS_FROM]-(:Entity)
WHERE CASE type(r) WHEN 'IMPORTS_FROM' THEN endNode(r) = p ELSE startNode(r) = p END
WITH DISTINCT r
WHERE r.quantity IS NOT NULL
WITH collect(r) AS facts
CALL (facts) {
  UNWIND facts AS r
  WITH r
  ORDER BY r.periodEnd IS NULL DESC, r.periodEnd DESC, r.periodStart DESC, r.id
  LIMIT $limit
  WITH r, startNode(r) AS a, endNode(r) AS b
  OPTIONAL MATCH (item:Entity {id: r.item})
  RETURN collect({
    id: r.id, type: type(r),
    from: {id: a.id, name: a.name},
    to: {id: b.id, name: b.name},
    item: CASE WHEN item IS NULL THEN null ELSE {id: item.id, name: item.name} END,
    figure: {value: r.quantity, unit: r.unit},
    evidence: {
      period: {text: coalesce(r.period, '')},
      sources: COLLECT {
        UNWIND coalesce(r.sourceIds, []) AS sourceId
        MATCH (s:Source {id: sourceId})
        RETURN s {.title}
      }
    }
  }) AS page
}
RETURN size(facts) AS total, page
