// Creates or updates fact relationships by (type, id); writes only when the content
// changed. A fact whose endpoints were edited in the seed replaces its old link. The
// type comes from the seed vocabulary (validated before loading), never from a client.
// A fact changed through the API (it has `curatedAt`) is left as it is, ends included,
// unless the seed says the same (same ends, `compare` equals its properties but $ignored
// ones): then the seed adopts it and the curated marks go.
// Parameters: $rows: list of {id, type, from, to, hash, props, compare}; $ignored: property names not compared;
//             $keepCurated: true for the loader (keep curated items), false for a curator's write (it is the curation)
// Returns: id, type, status ('created' | 'updated' | 'unchanged' | 'curated'), one row per fact
// Mode: write
UNWIND $rows AS row
MATCH (a:Entity {id: row.from}), (b:Entity {id: row.to})
OPTIONAL MATCH (x)-[old:$(row.type) {id: row.id}]->(y)
WITH row, a, b, old, old IS NULL AS isNew, old.seedHash AS oldHash,
     old IS NOT NULL AND (x <> a OR y <> b) AS moved
WITH row, a, b, old, isNew, oldHash, moved,
     $keepCurated AND old.curatedAt IS NOT NULL
       AND (moved
            OR NOT (all(k IN keys(row.compare) WHERE old[k] = row.compare[k])
                    AND all(k IN keys(old) WHERE k IN keys(row.compare) OR k IN $ignored))) AS kept
WITH row, a, b, old, isNew, moved, kept, (isNew OR moved OR oldHash IS NULL OR oldHash <> row.hash) AS changed
FOREACH (_ IN CASE WHEN moved AND NOT kept THEN [1] ELSE [] END | DELETE old)
FOREACH (_ IN CASE WHEN changed AND NOT kept THEN [1] ELSE [] END |
  MERGE (a)-[r:$(row.type) {id: row.id}]->(b)
  SET r = row.props
)
RETURN row.id AS id, row.type AS type,
       CASE WHEN kept THEN 'curated' WHEN isNew THEN 'created' WHEN changed THEN 'updated' ELSE 'unchanged' END AS status
