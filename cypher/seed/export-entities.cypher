// Every entity with all its stored properties, for `npm run export`.
// Parameters: none
// Returns: props (map, `kind` included), ordered by id
// Mode: read
MATCH (e:Entity)
RETURN properties(e) AS props
ORDER BY e.id
