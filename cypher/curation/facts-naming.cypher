// Every live fact that names an entity: as an end, its item, its measuring body or in
// its scope (what an entity merged away hands to its survivor, and what an entity's
// sources are derived from). The item, measuring body and scope are not indexed for
// every type, so this scans the facts; curated writes are rare.
// Parameters: $id
// Returns: type, from, to, props
// Mode: read
MATCH (a:Entity)-[r]->(b:Entity)
WHERE a.id = $id OR b.id = $id OR r.item = $id OR r.measuredBy = $id
   OR $id IN coalesce(r.scopeItems, []) OR $id IN coalesce(r.scopeOrigins, [])
   OR $id IN coalesce(r.scopeDestinations, []) OR $id IN coalesce(r.scopeEndUsers, [])
   OR $id IN coalesce(r.scopeSectors, []) OR $id IN coalesce(r.scopeSubjects, [])
   OR $id IN coalesce(r.scopeCoveredItems, [])
RETURN type(r) AS type, a.id AS from, b.id AS to, properties(r) AS props
ORDER BY r.id
