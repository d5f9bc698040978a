// What curators changed for some items, newest first.
// Parameters: $ids (the item's id and the ids merged into it), $limit
// Returns: change (properties)
// Mode: read
MATCH (c:Change)
WHERE c.targetId IN $ids
RETURN properties(c) AS change
ORDER BY c.at DESC, c.seq DESC
LIMIT $limit
