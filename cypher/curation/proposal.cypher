// One proposal by id, with the document it comes from.
// Parameters: $id
// Returns: proposal (all its properties)
// Mode: read
MATCH (p:Proposal {id: $id})
RETURN p {.*} AS proposal
