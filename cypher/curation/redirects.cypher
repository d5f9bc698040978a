// The ids merged into an entity (their redirects point at it).
// Parameters: $id
// Returns: id
// Mode: read
MATCH (r:EntityRedirect {to: $id})
RETURN r.id AS id
