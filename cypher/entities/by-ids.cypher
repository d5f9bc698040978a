// Entities by id, in one round trip (the entity DataLoader's batch). The degree is
// `COUNT { (e)--() }`, read from the node's stored degree without expanding: it counts
// links to entities because only entities have relationships (facts join entities;
// sources are cited by id, never linked). A test in graph-quality keeps that true.
// Parameters: $ids (list of entity ids)
// Returns: entity (properties with kind and degree), one row per id found
// Mode: read
UNWIND $ids AS id
MATCH (e:Entity {id: id})
RETURN e {.*, degree: COUNT { (e)--() }} AS entity
