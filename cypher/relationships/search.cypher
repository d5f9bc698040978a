// Facts found by their own words: the claim, every reference's claim and the note
// (`fact_text` index), best first. $query is a Lucene query built from escaped user terms.
// Parameters: $query, $limit (int)
// Returns: score, rel (properties with type, from and to)
// Mode: read
CALL db.index.fulltext.queryRelationships('fact_text', $query) YIELD relationship AS r, score
WHERE startNode(r):Entity AND endNode(r):Entity
RETURN score, r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id} AS rel
ORDER BY score DESC, rel.id
LIMIT $limit
