// The redirects of merged ids, from the seed's `formerIds`: each merged id finds its
// survivor again after a reload (entity(id) and every argument naming an entity follow
// it). Writes only what changed.
// Parameters: $rows: list of {id (the merged id), to (the survivor's id)}
// Returns: id, status ('created' | 'updated' | 'unchanged'), one row per redirect
// Mode: write
UNWIND $rows AS row
OPTIONAL MATCH (old:EntityRedirect {id: row.id})
WITH row, old IS NULL AS isNew, old.to AS before
MERGE (x:EntityRedirect {id: row.id})
SET x.to = row.to
RETURN row.id AS id, CASE WHEN isNew THEN 'created' WHEN before <> row.to THEN 'updated' ELSE 'unchanged' END AS status
