// Creates or updates entities by id; writes only when the content changed. The kind
// label comes from the seed vocabulary (validated before loading), never from a client.
// An entity changed through the API (it has `curatedAt`) is left as it is unless the
// seed says the same (`compare` equals its properties but $ignored ones): then the seed
// adopts it and the curated marks go.
// Parameters: $rows: list of {id, kind, hash, props, compare}; $ignored: property names not compared;
//             $keepCurated: true for the loader (keep curated items), false for a curator's write (it is the curation)
// Returns: id, label, status ('created' | 'updated' | 'unchanged' | 'curated'), one row per entity
// Mode: write
UNWIND $rows AS row
OPTIONAL MATCH (existing:Entity {id: row.id})
WITH row, existing IS NULL AS isNew, existing.seedHash AS oldHash,
     $keepCurated AND existing.curatedAt IS NOT NULL
       AND NOT (all(k IN keys(row.compare) WHERE existing[k] = row.compare[k])
                AND all(k IN keys(existing) WHERE k IN keys(row.compare) OR k IN $ignored)) AS kept
MERGE (e:Entity {id: row.id})
WITH e, row, isNew, kept, (isNew OR oldHash IS NULL OR oldHash <> row.hash) AS changed
FOREACH (_ IN CASE WHEN changed AND NOT kept THEN [1] ELSE [] END |
  SET e = row.props
  SET e:$(row.kind)
)
RETURN row.id AS id, row.kind AS label,
       CASE WHEN kept THEN 'curated' WHEN isNew THEN 'created' WHEN changed THEN 'updated' ELSE 'unchanged' END AS status
