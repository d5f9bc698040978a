// Deletes one fact relationship (a fact moved to another entity is written anew by
// seed/merge-facts first). The type comes from the vocabulary.
// Parameters: $type, $id, $from, $to
// Returns: deleted
// Mode: write
MATCH (a:Entity {id: $from})-[r:$($type) {id: $id}]->(b:Entity {id: $to})
DELETE r
RETURN count(*) AS deleted
