// The dependency edges among a band of entities (those that can lie on a route between
// two entities within the maximum length), oriented in the walk's direction: one row
// per (source, target) pair however many facts join them. The routes are then found in
// memory (src/db/routes.ts) when shortest-routes.cypher has fewer than k; the facts of
// their hops are fetched by hop-facts.cypher.
// Directions, the literal type list and the filters are as in expand.cypher.
// Parameters: $band (entity ids), $forward, $backward (lists of relationship types),
//             $natures, $asOf, $commodities (entity ids or null)
// Returns: source, target
// Mode: read
UNWIND $band AS id
MATCH (a:Entity {id: id})-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(b:Entity)
WHERE b.id IN $band
  AND ((startNode(r) = a AND type(r) IN $forward) OR (endNode(r) = a AND type(r) IN $backward))
  AND r.nature IN $natures AND r.condition IS NULL
  AND ($asOf IS NULL OR (r.periodStart <= $asOf AND (r.periodEnd IS NULL OR r.periodEnd >= $asOf)))
  AND ($commodities IS NULL OR r.item IN $commodities OR a.id IN $commodities OR b.id IN $commodities)
RETURN DISTINCT a.id AS source, b.id AS target
