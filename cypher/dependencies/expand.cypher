// One tier of a dependency walk: every (parent, entity) pair one hop from the frontier
// where the entity was not reached before, with the most certain nature of the facts
// making that hop (as a rank: 0 for REPORTED, see NATURE_ORDER in seed/vocabulary.ts).
// The walk (src/db/dependencies.ts) keeps, for each entity, the parent that gives it
// the most certain path, then the smallest id, so routes are stable. Walking tier by
// tier keeps the work proportional to the entities reached; one shortest-path search
// over the whole graph tracks every path through dense trade links and explodes at
// scale (see bench/README.md).
// Each hop follows one fact of the allowed kinds in the walk's direction: $forward holds
// the kinds read along their arrow (A -[T]-> B: A depends on B, for an upstream walk)
// and $backward those read against it; which kinds go where depends on the dependence
// (supply or market) and the direction, decided in src/db/dependencies.ts. The type list
// in the pattern is literal (types cannot be parameters) and holds every kind of both
// dependences. A fact is followed only when its nature is one of $natures, it has no
// condition, and (with $asOf) its period holds that day; with $commodities, only when
// its item or one of its ends is among them.
// Parameters: $frontier (entity ids), $seen (ids reached so far, the frontier included),
//             $forward, $backward (lists of relationship types), $natures (list),
//             $ranks (map nature → rank), $asOf (YYYY-MM-DD or null),
//             $commodities (entity ids or null), $withFacts (bool), $withNames (bool)
// Returns: entityId, parentId, rank, name (with $withNames, else null: the search from
//          both ends reads only which entities a tier reached: the names were a fifth
//          of what a tier of it shipped, 19 → 16 KB as JSON for BMW → Pidgeon process
//          at 20,000 entities), facts (with $withFacts: every fact making the
//          hop, properties with type, from and to, as dependencies/hop-facts reads
//          them, so a walk needs no second query for its paths' facts; else empty)
// Mode: read
UNWIND $frontier AS id
MATCH (a:Entity {id: id})
// Outgoing facts of $forward kinds and incoming ones of $backward kinds, each direction
// on its own, so a hub's facts of the other direction are not read: on the 20,000-entity
// bench graph, a tier of BMW's upstream walk with China in its frontier took 52,014
// database hits this way against 107,168 for one undirected pattern filtered after.
CALL (a) {
  MATCH (a)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]->(b:Entity)
  WHERE type(r) IN $forward
  RETURN r, b
  UNION ALL
  MATCH (a)<-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(b:Entity)
  WHERE type(r) IN $backward
  RETURN r, b
}
WITH a, r, b
WHERE r.nature IN $natures AND r.condition IS NULL
  AND ($asOf IS NULL OR (r.periodStart <= $asOf AND (r.periodEnd IS NULL OR r.periodEnd >= $asOf)))
  AND ($commodities IS NULL OR r.item IN $commodities OR a.id IN $commodities OR b.id IN $commodities)
  AND NOT b.id IN $seen
RETURN b.id AS entityId, a.id AS parentId, min($ranks[r.nature]) AS rank, CASE WHEN $withNames THEN b.name END AS name,
       collect(CASE WHEN $withFacts THEN r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id} END) AS facts
