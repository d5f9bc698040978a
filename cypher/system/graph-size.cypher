// The graph's size, for the public health query.
// Parameters: none
// Returns: entities, relationships, sources
// Mode: read
CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS relationships }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
RETURN entities, relationships, sources
