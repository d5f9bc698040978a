// Seeded nodes and relationships whose ids are no longer in the seed files.
// A fact whose type changed in the seed leaves its old-typed relationship stale.
// Parameters: $sourceIds, $entityIds (lists of the ids the seed holds now), $factKeys
//             ("TYPE id" of every fact the seed holds now)
// Returns: what ('node' | 'relationship'), label (kind or relationship type), id
// Mode: read
MATCH (n)
WHERE n.seeded = true
  AND ((n:Source AND NOT n.id IN $sourceIds) OR (n:Entity AND NOT n.id IN $entityIds))
RETURN 'node' AS what, CASE WHEN n:Source THEN 'Source' ELSE n.kind END AS label, n.id AS id
UNION ALL
MATCH ()-[r]->()
WHERE r.seeded = true AND NOT (type(r) + ' ' + r.id) IN $factKeys
RETURN 'relationship' AS what, type(r) AS label, r.id AS id
