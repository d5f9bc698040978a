// Stores a taken-in document's text and the mentions of known entities found in it
// (parallel lists: entity id, span and text of each), and its proposals, each a node of
// its own joined to nothing, so no answer (walk, path, exposure, list, search) sees them.
// A document taken in again replaces its text, mentions and pending proposals; decided
// proposals stay.
// Parameters: $document: {sourceId, text, receivedAt, receivedBy, mentionIds, mentionStarts, mentionEnds, mentionTexts};
//             $proposals: list of {id, kind, sourceId, status, createdAt, passage, passageStart, passageEnd, start, end, payload}
// Returns: proposals (count stored)
// Mode: write
MERGE (d:Document {sourceId: $document.sourceId})
SET d += $document
WITH d
OPTIONAL MATCH (old:Proposal {sourceId: $document.sourceId, status: 'PENDING'})
DETACH DELETE old
WITH DISTINCT d
UNWIND $proposals AS p
MERGE (n:Proposal {id: p.id})
ON CREATE SET n = p
RETURN count(n) AS proposals
