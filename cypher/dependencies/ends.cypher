// The ends of a dependency search, each by the id asked (an id merged away finds its
// survivor through its redirect, as entities/by-ids does), with the first tier of the
// search from it: the hops dependencies/expand takes from a frontier of that end alone.
// One round trip so both checks that the ends exist and starts the search: a search
// from both ends (dependencyPaths) reads its two first tiers here, and needs the
// per-tier query only from its third tier on.
// Each end has its own types: $ends[i].forward are read along their arrow from that end
// and $ends[i].backward against it (the search from the far end of a path goes the
// other way, so its lists are swapped). The filters are expand.cypher's.
// Parameters: $ends (list of {id, forward, backward}), $natures (list), $asOf
//             (YYYY-MM-DD or null), $commodities (entity ids or null)
// Returns: index (of the end in $ends), requested (the id asked), entity (properties
//          with kind and degree), reached (the ids of the entities one hop from the
//          end, each once: the search from both ends needs only which entities a tier
//          reached, and ids alone are under a third of the bytes of {entityId, rank,
//          name}: 9 of 34 KB as JSON for BMW and the Pidgeon process at 20,000
//          entities); one row per end found, in the order asked
// Mode: read
UNWIND range(0, size($ends) - 1) AS index
WITH index, $ends[index] AS end
OPTIONAL MATCH (redirect:EntityRedirect {id: end.id})
WITH index, end, coalesce(redirect.to, end.id) AS target
MATCH (a:Entity {id: target})
RETURN index, end.id AS requested, a {.*, degree: COUNT { (a)--() }} AS entity,
       COLLECT {
         CALL (a, end) {
           MATCH (a)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]->(b:Entity)
           WHERE type(r) IN end.forward
           RETURN r, b
           UNION ALL
           MATCH (a)<-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(b:Entity)
           WHERE type(r) IN end.backward
           RETURN r, b
         }
         WITH r, b
         WHERE r.nature IN $natures AND r.condition IS NULL
           AND ($asOf IS NULL OR (r.periodStart <= $asOf AND (r.periodEnd IS NULL OR r.periodEnd >= $asOf)))
           AND ($commodities IS NULL OR r.item IN $commodities OR a.id IN $commodities OR b.id IN $commodities)
           AND b <> a
         RETURN DISTINCT b.id
       } AS reached
ORDER BY index
