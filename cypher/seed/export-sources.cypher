// Every source document with all its stored properties, for `npm run export`.
// Parameters: none
// Returns: props (map), ordered by id
// Mode: read
MATCH (s:Source)
RETURN properties(s) AS props
ORDER BY s.id
