// The clauses of a policy's scope: its RESTRICTS and APPLIES_TO facts (each carrying
// the scope the loader resolved: items and the narrower goods they cover, origins,
// destinations, end users, sectors, bound entities) and the SUBJECT_TO facts of the
// entities that fall under it by name.
// Parameters: $policy (entity id)
// Returns: rel (properties with type, from and to), by fact id
// Mode: read
MATCH (p:Entity {id: $policy})
CALL (p) {
  MATCH (p)-[r:RESTRICTS|APPLIES_TO]->(:Entity)
  RETURN r
  UNION
  MATCH (:Entity)-[r:SUBJECT_TO]->(p)
  RETURN r
}
RETURN r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id} AS rel
ORDER BY rel.id
