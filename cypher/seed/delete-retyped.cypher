// Deletes the seeded relationships of facts whose type changed in the seed: the fact
// is still in the seed under the same id, now as another type, so the old-typed
// relationship would otherwise stay beside it and answer as the old type.
// A relationship changed through the API since (it has `curatedAt`) is kept.
// Parameters: $facts (list of {type, id}: the stale relationships to delete)
// Returns: deleted (count)
// Mode: write
UNWIND $facts AS fact
MATCH ()-[r:$(fact.type) {id: fact.id}]->()
WHERE r.seeded = true AND r.curatedAt IS NULL
DELETE r
RETURN count(*) AS deleted
