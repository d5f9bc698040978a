// Records a curator's decision on a pending proposal: ACCEPTED (with what it became) or
// REJECTED (with the reason). A proposal is decided once.
// Parameters: $id, $status, $decidedAt, $decidedBy, $note (or null), $resultId (or null)
// Returns: proposal (all its properties after the decision)
// Mode: write
MATCH (p:Proposal {id: $id, status: 'PENDING'})
SET p.status = $status, p.decidedAt = $decidedAt, p.decidedBy = $decidedBy, p.note = $note, p.resultId = $resultId
RETURN p {.*} AS proposal
