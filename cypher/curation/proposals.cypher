// Proposals waiting for review (or decided), oldest document first, then in the order of
// its text. $status and $sourceId may be null (any).
// Parameters: $status, $sourceId, $limit (int)
// Returns: proposal (all its properties)
// Mode: read
MATCH (p:Proposal)
WHERE ($status IS NULL OR p.status = $status) AND ($sourceId IS NULL OR p.sourceId = $sourceId)
RETURN p {.*} AS proposal
ORDER BY p.createdAt, p.sourceId, p.start, p.id
LIMIT $limit
