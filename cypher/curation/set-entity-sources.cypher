// Stores entities' sources, derived from the facts that name them.
// Parameters: $rows (list of {id, sourceIds})
// Returns: id
// Mode: write
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.sourceIds = row.sourceIds
RETURN e.id AS id
