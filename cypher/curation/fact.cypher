// A live fact by id with every stored property, found through `fact_refs`; $query is
// its Lucene query for the id.
// Parameters: $id, $query
// Returns: type, from, to, props
// Mode: read
CALL db.index.fulltext.queryRelationships('fact_refs', $query) YIELD relationship AS r
WITH r WHERE r.id = $id AND startNode(r):Entity AND endNode(r):Entity
RETURN type(r) AS type, startNode(r).id AS from, endNode(r).id AS to, properties(r) AS props
