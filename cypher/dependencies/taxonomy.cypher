// The goods taxonomy: every commodity or product with the broader goods it is a kind,
// form or grade of (seed `broader`), for commodity filters that include narrower goods.
// Parameters: none
// Returns: id, broader
// Mode: read
MATCH (e:Entity) WHERE e.broader IS NOT NULL
RETURN e.id AS id, e.broader AS broader
ORDER BY id
