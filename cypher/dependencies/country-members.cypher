// What ties entities to a country or region for exposure questions: every fact by
// which an entity is located in it or is a member of it.
// Parameters: $country (entity id)
// Returns: entityId (the member), rel (properties with type, from and to), by fact id
// Mode: read
MATCH (e:Entity)-[r:LOCATED_IN|MEMBER_OF]->(:Entity {id: $country})
RETURN e.id AS entityId, r {.*, type: type(r), from: e.id, to: $country} AS rel
ORDER BY entityId, rel.id
