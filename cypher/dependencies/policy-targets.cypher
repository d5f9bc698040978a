// The entities a policy affects, for exposure questions: those it restricts or applies
// to, and those subject to it, each with the fact that says so.
// Parameters: $policy (entity id)
// Returns: entityId (the affected entity), rel (properties with type, from and to),
//          by fact id
// Mode: read
MATCH (p:Entity {id: $policy})
CALL (p) {
  MATCH (p)-[r:RESTRICTS|APPLIES_TO]->(e:Entity)
  RETURN e, r
  UNION
  MATCH (e:Entity)-[r:SUBJECT_TO]->(p)
  RETURN e, r
}
RETURN e.id AS entityId, r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id} AS rel
ORDER BY entityId, rel.id
