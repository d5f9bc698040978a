// The dependency edges among a band of entities (those that can lie on a route between
// two entities within the maximum length), oriented in the walk's direction: one row
// per (source, target) pair however many facts join them. The routes are then found in
// memory (src/db/routes.ts); the facts of their hops are fetched by hop-facts.cypher.
// Directions and the literal type list are as in expand.cypher.
// Parameters: $band (entity ids), $forward, $backward (lists of relationship types)
// Returns: source, target
// Mode: read
UNWIND $band AS id
MATCH (a:Entity {id: id})-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES]-(b:Entity)
WHERE b.id IN $band
  AND ((startNode(r) = a AND type(r) IN $forward) OR (endNode(r) = a AND type(r) IN $backward))
RETURN DISTINCT a.id AS source, b.id AS target
