// Creates or updates source documents by id; writes only when the content changed.
// Parameters: $rows: list of {id, hash, props}
// Returns: status ('created' | 'updated' | 'unchanged'), one row per source
// Mode: write
UNWIND $rows AS row
OPTIONAL MATCH (existing:Source {id: row.id})
WITH row, existing IS NULL AS isNew, existing.seedHash AS oldHash
MERGE (s:Source {id: row.id})
WITH s, row, isNew, (isNew OR oldHash IS NULL OR oldHash <> row.hash) AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET s = row.props)
RETURN CASE WHEN isNew THEN 'created' WHEN changed THEN 'updated' ELSE 'unchanged' END AS status
