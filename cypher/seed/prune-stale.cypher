// Deletes seeded nodes and relationships whose ids are no longer in the seed files.
// Data not written by the seed (no `seeded` flag) is never touched.
// A fact whose type changed in the seed leaves its old-typed relationship stale.
// Parameters: $sourceIds, $entityIds (lists of the ids the seed holds now), $factKeys
//             ("TYPE id" of every fact the seed holds now)
// Returns: deleted (count)
// Mode: write
CALL () {
  MATCH ()-[r]->()
  WHERE r.seeded = true AND NOT (type(r) + ' ' + r.id) IN $factKeys
  DELETE r
  RETURN count(*) AS relationships
}
CALL () {
  MATCH (n)
  WHERE n.seeded = true
    AND ((n:Source AND NOT n.id IN $sourceIds) OR (n:Entity AND NOT n.id IN $entityIds))
  DETACH DELETE n
  RETURN count(*) AS nodes
}
RETURN relationships + nodes AS deleted
