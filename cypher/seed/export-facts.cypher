// Every fact (a relationship with an id between two entities) with all its stored
// properties and the kind of its `to`, for `npm run export`.
// Parameters: none
// Returns: type, from, to, toKind, props (map), ordered by id and type
// Mode: read
MATCH (a:Entity)-[r]->(b:Entity)
WHERE r.id IS NOT NULL
RETURN type(r) AS type, a.id AS from, b.id AS to, b.kind AS toKind, properties(r) AS props
ORDER BY r.id, type(r)
