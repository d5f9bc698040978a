// Sets the sources of synthetic entities once all their facts are written (the
// generator knows which sources an entity's facts cite only after drawing them all).
// Parameters: $rows: list of {id, sourceIds}
// Returns: updated (how many entities were found and updated)
// Mode: write
UNWIND $rows AS row
MATCH (e:Entity {id: row.id})
SET e.sourceIds = row.sourceIds
RETURN count(e) AS updated
