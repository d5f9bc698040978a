// Creates or updates fact relationships by (type, id); writes only when the content
// changed. A fact whose endpoints were edited in the seed replaces its old link. The
// type comes from the seed vocabulary (validated before loading), never from a client.
// Parameters: $rows: list of {id, type, from, to, hash, props}
// Returns: type, status ('created' | 'updated' | 'unchanged'), one row per fact
// Mode: write
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
OPTIONAL MATCH (x)-[old:$(row.type) {id: row.id}]->(y)
WITH row, a, b, old, old IS NULL AS isNew, old.seedHash AS oldHash,
     old IS NOT NULL AND (x <> a OR y <> b) AS moved
FOREACH (_ IN CASE WHEN moved THEN [1] ELSE [] END | DELETE old)
WITH row, a, b, isNew, moved, oldHash
MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
WITH r, row, isNew, (isNew OR moved OR oldHash IS NULL OR oldHash <> row.hash) AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET r = row.props)
RETURN row.type AS type, CASE WHEN isNew THEN 'created' WHEN changed THEN 'updated' ELSE 'unchanged' END AS status
