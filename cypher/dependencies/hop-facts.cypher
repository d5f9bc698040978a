// The facts behind dependency hops, for many hops in one round trip: for each pair,
// every fact of the allowed kinds that makes `dependent` depend on `provider`
// ($dependentFirst kinds point from the dependent, $providerFirst kinds from the
// provider), with the same nature, condition, time and commodity filters as the walk
// (expand.cypher). Parallel facts all count.
// Parameters: $pairs (list of {dependent, provider} entity ids), $dependentFirst,
//             $providerFirst (relationship types, already restricted to the allowed
//             kinds), $natures, $asOf, $commodities (entity ids or null),
//             $withSources, $withItems (bool: what the operation reads below the facts)
// Returns: dependent, provider, rel (properties with type, from and to), sources (with
//          $withSources: the sources the fact and its references cite, as in
//          entities/links; else null), item (with $withItems: the entity the fact's item
//          names, with kind and degree; else null), by fact id
// Mode: read
UNWIND $pairs AS pair
MATCH (d:Entity {id: pair.dependent})-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(p:Entity {id: pair.provider})
WHERE ((startNode(r) = d AND type(r) IN $dependentFirst) OR (startNode(r) = p AND type(r) IN $providerFirst))
  AND r.nature IN $natures AND r.condition IS NULL
  AND ($asOf IS NULL OR (r.periodStart <= $asOf AND (r.periodEnd IS NULL OR r.periodEnd >= $asOf)))
  AND ($commodities IS NULL OR r.item IN $commodities OR d.id IN $commodities OR p.id IN $commodities)
WITH DISTINCT pair, r
RETURN pair.dependent AS dependent, pair.provider AS provider,
       r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id} AS rel,
       CASE WHEN $withSources THEN COLLECT {
         UNWIND r.sourceIds + coalesce(r.refSourceIds, []) AS sourceId
         WITH DISTINCT sourceId
         MATCH (s:Source {id: sourceId})
         RETURN s {.*}
       } END AS sources,
       CASE WHEN $withItems AND r.item IS NOT NULL THEN COLLECT {
         MATCH (i:Entity {id: r.item})
         RETURN i {.*, degree: COUNT { (i)--() }}
       }[0] END AS item
ORDER BY dependent, provider, rel.id
