// Entities by id, in one round trip (the entity DataLoader's batch).
// Parameters: $ids (list of entity ids)
// Returns: entity (properties with kind and degree), one row per id found
// Mode: read
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e {.*, degree: COUNT { (e)--(:Entity) }} AS entity
