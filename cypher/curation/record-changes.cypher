// Records one audit entry per item a write changed, in the write's transaction.
// Parameters: $changes (list of {id, at, actor, action, targetKind, targetId, before, after, fields})
// Returns: id
// Mode: write
UNWIND $changes AS c
CREATE (n:Change)
SET n = c
RETURN n.id AS id
