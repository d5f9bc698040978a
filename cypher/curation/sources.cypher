// Sources by exact id with every stored property.
// Parameters: $ids
// Returns: id, source (properties, or null)
// Mode: read
UNWIND $ids AS id
OPTIONAL MATCH (s:Source {id: id})
RETURN id, properties(s) AS source
