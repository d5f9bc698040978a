// Source documents by id, in one round trip (the source DataLoader's batch).
// Parameters: $ids (list of source ids)
// Returns: source (properties), one row per id found
// Mode: read
UNWIND $ids AS id
MATCH (s:Source {id: id})
RETURN s {.*} AS source
