// The dependency facts that could meet a policy clause: those touching one of the
// anchor entities (the clause's bound entities, or the places on one side of it, or the
// goods it covers), and those whose item is a covered good (through the fact_refs
// index; $itemQuery is its Lucene query, built and escaped by the data layer, or null).
// The data layer then decides, hop by hop, which of them meet the clause. Filters as in
// expand.cypher.
// Parameters: $anchors (entity ids), $itemQuery (string or null), $items (ids),
//             $types (relationship types of the dependence), $natures, $asOf
// Returns: rel (properties with type, from and to), by fact id
// Mode: read
CALL () {
  UNWIND $anchors AS id
  MATCH (:Entity {id: id})-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(:Entity)
  RETURN r
  UNION
  CALL db.index.fulltext.queryRelationships('fact_refs', coalesce($itemQuery, 'id:"none"')) YIELD relationship AS r
  WITH r WHERE $itemQuery IS NOT NULL AND r.item IN $items
  RETURN r
}
WITH DISTINCT r
WHERE type(r) IN $types
  AND r.nature IN $natures AND r.condition IS NULL
  AND ($asOf IS NULL OR (r.periodStart <= $asOf AND (r.periodEnd IS NULL OR r.periodEnd >= $asOf)))
RETURN r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id} AS rel
ORDER BY rel.id
