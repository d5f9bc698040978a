// A page of relationships (facts), filtered, newest period first, with the total.
// With $entity, only facts where it is an end or the item. With $place (trade figures),
// only facts the place reports (its `from`), plus flows into it (EXPORTS_TO) and out of
// it (IMPORTS_FROM) as reported by the other side; $placeTypes are the types counted
// from the place's side, $inflowTypes and $outflowTypes those counted when it is the `to`.
// Parameters: $types (or null), $entity, $sourceId, $item, $hasFigure (bool or null),
//             $periodFrom, $periodTo, $place, $placeTypes, $inflowTypes, $outflowTypes,
//             $offset (int), $limit (int)
// Returns: total, page (list of relationship maps with type, from, to)
// Mode: read
CALL () {
  CALL () {
    WITH 1 AS unanchored WHERE $entity IS NULL AND $place IS NULL
    MATCH (:Entity)-[r]->(:Entity)
    RETURN r
    UNION
    WITH 1 AS anchored WHERE $entity IS NOT NULL
    MATCH (:Entity {id: $entity})-[r]-(:Entity)
    RETURN r
    UNION
    WITH 1 AS anchored WHERE $entity IS NOT NULL
    MATCH (:Entity)-[r]->(:Entity)
    WHERE r.item = $entity
    RETURN r
    UNION
    WITH 1 AS anchored WHERE $place IS NOT NULL
    MATCH (p:Entity {id: $place})-[r]-(:Entity)
    WHERE (startNode(r) = p AND type(r) IN $placeTypes)
       OR (endNode(r) = p AND (type(r) IN $inflowTypes OR type(r) IN $outflowTypes))
    RETURN r
  }
  WITH DISTINCT r
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($sourceId IS NULL OR $sourceId IN r.sourceIds)
    AND ($item IS NULL OR r.item = $item OR startNode(r).id = $item OR endNode(r).id = $item)
    AND ($hasFigure IS NULL OR (r.quantity IS NOT NULL) = $hasFigure)
    AND ($periodFrom IS NULL OR r.periodEnd >= $periodFrom)
    AND ($periodTo IS NULL OR r.periodStart <= $periodTo)
  RETURN r
}
WITH r ORDER BY r.periodEnd DESC, r.periodStart DESC, r.id
WITH collect(r) AS matches
RETURN size(matches) AS total,
       [r IN matches[$offset..($offset + $limit)] | r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}] AS page
