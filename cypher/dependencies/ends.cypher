// The ends of a dependency search, each by the id asked (an id merged away finds its
// survivor through its redirect, as entities/by-ids does), with the first tier of the
// search from it: the hops dependencies/expand takes from a frontier of that end alone,
// and, when the two first tiers do not meet, the search's third tier too. One round trip
// both checks that the ends exist and starts the search: a search from both ends
// (dependencyPaths) needs the per-tier query only from its fourth tier on.
// Each end has its own types: $ends[i].forward are read along their arrow from that end
// and $ends[i].backward against it (the search from the far end of a path goes the
// other way, so its lists are swapped). The filters are expand.cypher's.
// The third tier is what shortestRoutes (src/db/dependencies.ts) would ask expand.cypher
// for next, by the same rule: only with two ends found, distinct, whose first tiers are
// both non-empty and do not meet (neither reaches the other end, nor each other's
// entities), and with room for a route of three hops ($maxLength > 2); then from the
// side with the smaller first tier (the first end's on a tie), every (parent, entity)
// pair one hop on from it whose entity that side has not reached. On the 20,000-entity
// bench graph, BMW → Pidgeon process took three queries this way instead of four.
// Parameters: $ends (list of {id, forward, backward}), $natures (list), $asOf
//             (YYYY-MM-DD or null), $commodities (entity ids or null), $maxLength (int)
// Returns: one row: found (one map per end found, in the order asked: index (of the
//          end in $ends), requested (the id asked), entity (properties with kind and
//          degree), reached (the ids of the entities one hop from the end, each once:
//          the search from both ends needs only which entities a tier reached, and ids
//          alone are under a third of the bytes of {entityId, rank, name}: 9 of 34 KB
//          as JSON for BMW and the Pidgeon process at 20,000 entities)), side (the
//          index of the end the third tier grew from, null when it was not read) and
//          next (its {entityId, parentId} pairs, each once; empty when not read)
// Mode: read
UNWIND range(0, size($ends) - 1) AS index
WITH index, $ends[index] AS end
OPTIONAL MATCH (redirect:EntityRedirect {id: end.id})
WITH index, end, coalesce(redirect.to, end.id) AS target
MATCH (a:Entity {id: target})
WITH index, end, a,
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
WITH collect({index: index, requested: end.id, entity: a {.*, degree: COUNT { (a)--() }}, reached: reached}) AS found
CALL (found) {
  WITH found
  WHERE size(found) = 2 AND found[0].entity.id <> found[1].entity.id AND $maxLength > 2
    AND size(found[0].reached) > 0 AND size(found[1].reached) > 0
    AND NOT found[1].entity.id IN found[0].reached
    AND NONE(id IN found[1].reached WHERE id = found[0].entity.id OR id IN found[0].reached)
  WITH found, CASE WHEN size(found[0].reached) <= size(found[1].reached) THEN 0 ELSE 1 END AS side
  WITH side, $ends[side] AS end, found[side].reached AS frontier, [found[side].entity.id] + found[side].reached AS seen
  UNWIND frontier AS id
  MATCH (a:Entity {id: id})
  CALL (a, end) {
    MATCH (a)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]->(b:Entity)
    WHERE type(r) IN end.forward
    RETURN r, b
    UNION ALL
    MATCH (a)<-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(b:Entity)
    WHERE type(r) IN end.backward
    RETURN r, b
  }
  WITH side, seen, a, r, b
  WHERE r.nature IN $natures AND r.condition IS NULL
    AND ($asOf IS NULL OR (r.periodStart <= $asOf AND (r.periodEnd IS NULL OR r.periodEnd >= $asOf)))
    AND ($commodities IS NULL OR r.item IN $commodities OR a.id IN $commodities OR b.id IN $commodities)
    AND NOT b.id IN seen
  WITH DISTINCT side, b.id AS entityId, a.id AS parentId
  // Aggregated without a grouping key, so that a search with no third tier still has its row.
  RETURN min(side) AS side, collect({entityId: entityId, parentId: parentId}) AS next
}
RETURN found, side, next
