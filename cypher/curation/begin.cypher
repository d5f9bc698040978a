// Starts a curated write: takes the graph's write lock (every curated write sets the
// stamp node, so writes run one after another: no lost update, no two entities taking
// one name at once) and moves the graph's write version on, so anything keyed by the
// version sees the change. Rolled back with the rest when the write is refused.
// Parameters: $at (ISO datetime)
// Returns: writeVersion
// Mode: write
MERGE (m:GraphMeta {id: 'graph'})
SET m.writeVersion = coalesce(m.writeVersion, 0) + 1, m.writtenAt = $at
RETURN m.writeVersion AS writeVersion
