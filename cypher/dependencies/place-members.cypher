// What lies in places, for exposure and scope questions: every entity located in, or a
// member of, each place, directly or through its regions (a city in a province in a
// country), with the chain of facts that places it there (the shortest one). Where
// things are is read as standing: these facts are not filtered by time or nature.
// Parameters: $places (entity ids of countries and regions)
// Returns: placeId, entityId, rels (the chain from the entity to the place: properties
//          with type, from and to)
// Mode: read
UNWIND $places AS placeId
MATCH path = (e:Entity)-[:LOCATED_IN|MEMBER_OF]->{1,6}(:Entity {id: placeId})
WITH placeId, e, path ORDER BY length(path), [r IN relationships(path) | r.id]
WITH placeId, e, collect(path)[0] AS path
RETURN placeId, e.id AS entityId,
       [r IN relationships(path) | r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}] AS rels
ORDER BY placeId, entityId
