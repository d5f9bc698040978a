// Takes a fact out of the graph into a `RetractedFact` node with every property it had,
// its type and ends, and the retraction: no walk, path, list, index or search sees it
// (the node joins nothing, and the full-text indexes cover relationships only), while
// history and retractedFacts still can. The type comes from the vocabulary.
// Parameters: $type, $id, $retractionId, $at, $actor, $reason
// Returns: retracted (the node's properties)
// Mode: write
MATCH (a:Entity)-[r:$($type) {id: $id}]->(b:Entity)
CREATE (x:RetractedFact)
SET x = properties(r),
    x.retractionId = $retractionId, x.type = type(r), x.from = a.id, x.to = b.id,
    x.retractedAt = $at, x.retractedBy = $actor, x.retractionReason = $reason
DELETE r
RETURN properties(x) AS retracted
