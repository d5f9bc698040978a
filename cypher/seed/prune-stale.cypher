// Deletes seeded nodes and relationships whose ids are no longer in the seed files.
// Data not written by the seed (no `seeded` flag, or `seeded: false`) is never touched,
// nor is seeded data changed through the API since (it has `curatedAt`), nor a node
// that facts written through the API still use.
// A fact whose type changed in the seed leaves its old-typed relationship stale.
// Parameters: $sourceIds, $entityIds (lists of the ids the seed holds now), $factKeys
//             ("TYPE id" of every fact the seed holds now)
// Returns: deleted (count)
// Mode: write
CALL () {
  MATCH ()-[r]->()
  WHERE r.seeded = true AND r.curatedAt IS NULL AND NOT (type(r) + ' ' + r.id) IN $factKeys
  DELETE r
  RETURN count(*) AS relationships
}
CALL () {
  MATCH (n)
  WHERE n.seeded = true AND n.curatedAt IS NULL
    AND NOT EXISTS { (n)-[r]-() WHERE coalesce(r.seeded, false) = false OR r.curatedAt IS NOT NULL }
    AND ((n:Source AND NOT n.id IN $sourceIds) OR (n:Entity AND NOT n.id IN $entityIds))
  DETACH DELETE n
  RETURN count(*) AS nodes
}
RETURN relationships + nodes AS deleted
