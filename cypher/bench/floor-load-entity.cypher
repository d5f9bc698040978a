// Floor for the minimal `entity(id) { id name kind }` of the load and overhead
// measurements (bench/load/, bench/overhead/): the entity, through the redirect of a
// merged id as the API follows it, with the fields the benchmark selects.
// Parameters: $id (entity id, or the id of an entity merged into another)
// Returns: entity (id, name, kind as the API spells it), at most one row
// Mode: read
OPTIONAL MATCH (redirect:EntityRedirect {id: $id})
MATCH (e:Entity {id: coalesce(redirect.to, $id)})
RETURN e {.id, .name, kind: toUpper(e.kind)} AS entity
