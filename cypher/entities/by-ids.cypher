// Entities by id, in one round trip (the entity DataLoader's batch). The id of an
// entity merged into another (mergeEntities) finds the survivor, through its redirect.
// The degree is `COUNT { (e)--() }`, read from the node's stored degree without
// expanding: it counts links to entities because only entities have relationships
// (facts join entities; sources are cited by id, never linked). A test in
// graph-quality keeps that true.
// Parameters: $ids (list of entity ids)
// Returns: requested (the id asked), entity (properties with kind and degree), one row per id found
// Mode: read
UNWIND $ids AS id
OPTIONAL MATCH (r:EntityRedirect {id: id})
WITH id, coalesce(r.to, id) AS target
MATCH (e:Entity {id: target})
RETURN id AS requested, e {.*, degree: COUNT { (e)--() }} AS entity
