// Relationships (facts) by id.
// Parameters: $ids (list of fact ids)
// Returns: rel (properties with type, from and to)
// Mode: read
UNWIND $ids AS id
MATCH (:Entity)-[r {id: id}]->(:Entity)
RETURN r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id} AS rel
