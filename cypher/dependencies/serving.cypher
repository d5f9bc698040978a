// Who is, or serves, each of some sectors, for the end-user and sector parts of a
// policy's scope: the sector itself and every entity with a SERVES_SECTOR fact to it.
// Parameters: $sectors (entity ids)
// Returns: sectorId, entityIds
// Mode: read
UNWIND $sectors AS sectorId
OPTIONAL MATCH (e:Entity)-[:SERVES_SECTOR]->(:Entity {id: sectorId})
RETURN sectorId, [sectorId] + collect(DISTINCT e.id) AS entityIds
