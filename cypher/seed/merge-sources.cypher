// Creates or updates source documents by id; writes only when the content changed. A
// source changed through the API (it has `curatedAt`) is left as it is unless the seed
// says the same (`compare` equals its properties but $ignored ones): then the seed
// adopts it and the curated marks go.
// Parameters: $rows: list of {id, hash, props, compare}; $ignored: property names not compared;
//             $keepCurated: true for the loader (keep curated items), false for a curator's write (it is the curation)
// Returns: id, status ('created' | 'updated' | 'unchanged' | 'curated'), one row per source
// Mode: write
UNWIND $rows AS row
OPTIONAL MATCH (existing:Source {id: row.id})
WITH row, existing IS NULL AS isNew, existing.seedHash AS oldHash,
     $keepCurated AND existing.curatedAt IS NOT NULL
       AND NOT (all(k IN keys(row.compare) WHERE existing[k] = row.compare[k])
                AND all(k IN keys(existing) WHERE k IN keys(row.compare) OR k IN $ignored)) AS kept
MERGE (s:Source {id: row.id})
WITH s, row, isNew, kept, (isNew OR oldHash IS NULL OR oldHash <> row.hash) AS changed
FOREACH (_ IN CASE WHEN changed AND NOT kept THEN [1] ELSE [] END | SET s = row.props)
RETURN row.id AS id,
       CASE WHEN kept THEN 'curated' WHEN isNew THEN 'created' WHEN changed THEN 'updated' ELSE 'unchanged' END AS status
