// Seeded nodes and relationships whose ids are no longer in the seed files.
// A fact whose type changed in the seed leaves its old-typed relationship stale.
// `curated` marks those changed through the API since (they have `curatedAt`), and
// nodes that facts written through the API still use: the loader keeps them, and
// prune-stale never deletes them.
// Parameters: $sourceIds, $entityIds (lists of the ids the seed holds now), $factKeys
//             ("TYPE id" of every fact the seed holds now)
// Returns: what ('node' | 'relationship'), label (kind or relationship type), id, curated
// Mode: read
MATCH (n)
WHERE n.seeded = true
  AND ((n:Source AND NOT n.id IN $sourceIds) OR (n:Entity AND NOT n.id IN $entityIds))
RETURN 'node' AS what, CASE WHEN n:Source THEN 'Source' ELSE n.kind END AS label, n.id AS id,
       n.curatedAt IS NOT NULL
         OR EXISTS { (n)-[r]-() WHERE coalesce(r.seeded, false) = false OR r.curatedAt IS NOT NULL } AS curated
UNION ALL
MATCH ()-[r]->()
WHERE r.seeded = true AND NOT (type(r) + ' ' + r.id) IN $factKeys
RETURN 'relationship' AS what, type(r) AS label, r.id AS id, r.curatedAt IS NOT NULL AS curated
