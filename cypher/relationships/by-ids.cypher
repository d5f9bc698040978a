// Relationships (facts) by id. The per-type uniqueness indexes cannot serve a lookup
// that does not name the type, so each fact is found through the `fact_refs` index;
// `query` is its Lucene query for the id, built and escaped by the data layer, and the
// id comparison decides.
// Parameters: $facts: list of {id, query}
// Returns: rel (properties with type, from and to)
// Mode: read
UNWIND $facts AS fact
CALL db.index.fulltext.queryRelationships('fact_refs', fact.query) YIELD relationship AS r
WHERE r.id = fact.id AND startNode(r):Entity AND endNode(r):Entity
RETURN r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id} AS rel
