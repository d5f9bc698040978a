// Deletes seeded nodes and relationships whose ids are no longer in the seed files.
// Data not written by the seed (no `seeded` flag) is never touched.
// Parameters: $sourceIds, $entityIds, $factIds (lists of the ids the seed holds now)
// Returns: deleted (count)
// Mode: write
CALL () {
  MATCH ()-[r]->()
  WHERE r.seeded = true AND NOT r.id IN $factIds
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
