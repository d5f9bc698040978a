// The facts behind dependency hops, for many hops in one round trip: for each pair,
// every fact of the allowed kinds that makes `dependent` depend on `provider`
// (dependent-first kinds point from the dependent, provider-first kinds from the
// provider), with the same commodity filter as the walk. Parallel facts all count.
// Parameters: $pairs (list of {dependent, provider} entity ids), $dependentFirst,
//             $providerFirst (relationship types, already restricted to the allowed
//             kinds), $commodity (entity id or null)
// Returns: dependent, provider, rel (properties with type, from and to), by fact id
// Mode: read
UNWIND $pairs AS pair
MATCH (d:Entity {id: pair.dependent})-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES]-(p:Entity {id: pair.provider})
WHERE ((startNode(r) = d AND type(r) IN $dependentFirst) OR (startNode(r) = p AND type(r) IN $providerFirst))
  AND ($commodity IS NULL OR r.item = $commodity OR d.id = $commodity OR p.id = $commodity)
WITH DISTINCT pair, r
RETURN pair.dependent AS dependent, pair.provider AS provider,
       r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id} AS rel
ORDER BY dependent, provider, rel.id
