// The graph's version stamp, written by the loader (npm run load): the schema version
// of the data and a hash of the seed it was loaded from. No row when nothing was loaded.
// Parameters: none
// Returns: schemaVersion, seedHash, loadedAt (ISO text)
// Mode: read
MATCH (m:GraphMeta {id: 'graph'})
RETURN m.schemaVersion AS schemaVersion, m.seedHash AS seedHash, toString(m.loadedAt) AS loadedAt
