// Stamps the graph with the schema version and seed hash just loaded. Writes only when
// either changed, so a repeated load of the same seed leaves the stamp (and loadedAt,
// the time this version was first loaded) as it was.
// Parameters: $schemaVersion, $seedHash
// Returns: status ('created' | 'updated' | 'unchanged'), schemaVersion, seedHash, loadedAt
// Mode: write
MERGE (m:GraphMeta {id: 'graph'})
WITH m, m.schemaVersion IS NULL AS isNew,
     (m.schemaVersion IS NULL OR m.schemaVersion <> $schemaVersion OR m.seedHash IS NULL OR m.seedHash <> $seedHash) AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET m.schemaVersion = $schemaVersion, m.seedHash = $seedHash, m.loadedAt = datetime())
RETURN CASE WHEN isNew THEN 'created' WHEN changed THEN 'updated' ELSE 'unchanged' END AS status,
       m.schemaVersion AS schemaVersion, m.seedHash AS seedHash, toString(m.loadedAt) AS loadedAt
