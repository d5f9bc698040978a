// Entities by exact id with every stored property (a write's "before"), and the
// redirects of merged ids among the ids asked.
// Parameters: $ids
// Returns: id, entity (properties, or null), redirect (survivor id, or null)
// Mode: read
UNWIND $ids AS id
OPTIONAL MATCH (e:Entity {id: id})
OPTIONAL MATCH (r:EntityRedirect {id: id})
RETURN id, properties(e) AS entity, r.to AS redirect
