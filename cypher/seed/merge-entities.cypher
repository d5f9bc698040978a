// Creates or updates entities by id; writes only when the content changed. The kind
// label comes from the seed vocabulary (validated before loading), never from a client.
// Parameters: $rows: list of {id, kind, hash, props}
// Returns: label, status ('created' | 'updated' | 'unchanged'), one row per entity
// Mode: write
UNWIND $rows AS row
OPTIONAL MATCH (existing:Entity {id: row.id})
WITH row, existing IS NULL AS isNew, existing.seedHash AS oldHash
MERGE (e:Entity {id: row.id})
WITH e, row, isNew, (isNew OR oldHash IS NULL OR oldHash <> row.hash) AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET e = row.props
  SET e:$(row.kind)
)
RETURN row.kind AS label, CASE WHEN isNew THEN 'created' WHEN changed THEN 'updated' ELSE 'unchanged' END AS status
