// A whole dependency walk in one query: from the root (by the id asked; an id merged
// away finds its survivor through its redirect), breadth first, each entity reached once,
// at its lowest tier, by the most certain route (the rank of its least certain hop), then
// through the parent with the smallest id; each tier sorted by name, then id, and cut at
// $perTier. The hops and filters are dependencies/expand's (see there for which types
// go in forward and backward). Only the kept routes come back, with each tier's total:
// the entities reached past $perTier never leave the database, and the kept routes'
// facts are read after (dependencies/hop-facts).
// One CALL block per tier, as many as LIMITS.maxDepth allows (6); a block past
// $maxDepth does nothing. The depth is a parameter rather than a bound written into the
// text ({{…}}, cypher/README.md) so that every depth shares one plan: the blocks left
// out of a shallower walk's text saved 0.1–0.7 s of a cold plan, paid again per depth.
// The visited set is a list of the nodes reached so far.
// The filters come in one map, $walk, so that every filter shares one plan: Neo4j keys
// its plan cache on the parameters' types and on the sizes of list parameters, and this
// query takes about a second to plan (against tens of milliseconds for BMW's upstream
// walk to depth 3 at 100,000 entities); a map is one type whatever it holds. It is
// planned at start (src/db/warm.ts).
// With $walk.within (a country's or region's id), only the entities reached that are that
// place or lie in it (located in it or a member of it, directly or through its regions,
// as dependencies/place-members reads it) come back and count in the totals: exposure to
// a country (src/db/exposure.ts) needs every such entity of the walk, and the others
// (26,750 of Tesla's upstream walk at 100,000 entities) need not leave the database.
// With $walk.among (a map whose keys are entity ids), only the entities reached among
// them, the same way: exposure to a policy needs only the dependents of the hops that
// meet its scope. A map rather than a list so that each test is one lookup.
// Parameters: $rootId, $maxDepth (integer), $perTier (integer), $walk: {forward,
//             backward (lists of relationship types), natures (list), ranks (map
//             nature → rank), asOf (YYYY-MM-DD or null), commodities (entity ids or
//             null), within (a place's id, or null or absent), among (a map
//             id → true, or null or absent)}
// Returns: one row, none when the id names no entity: entity (the root's properties
//          with kind and degree), tiers (list of {tier, total, kept: list of routes,
//          each a list of ids from the root, names: with within or among, the name of
//          each kept route's last entity, '' for none, so that the two lists stay
//          aligned; else empty}, by tier)
// Mode: read
OPTIONAL MATCH (redirect:EntityRedirect {id: $rootId})
WITH coalesce(redirect.to, $rootId) AS target
MATCH (root:Entity {id: target})
WITH root, [{node: root, route: [root.id], rank: 0}] AS frontier, [root] AS seen, [] AS reached
// tier 1
CALL (frontier, seen) {
  WITH frontier, seen WHERE 1 <= $maxDepth
  UNWIND frontier AS f
  WITH f, f.node AS a
  CALL (a) {
    MATCH (a)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]->(b:Entity)
    WHERE type(r) IN $walk.forward
    RETURN r, b
    UNION ALL
    MATCH (a)<-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(b:Entity)
    WHERE type(r) IN $walk.backward
    RETURN r, b
  }
  WITH f, a, r, b
  WHERE r.nature IN $walk.natures AND r.condition IS NULL
    AND ($walk.asOf IS NULL OR (r.periodStart <= $walk.asOf AND (r.periodEnd IS NULL OR r.periodEnd >= $walk.asOf)))
    AND ($walk.commodities IS NULL OR r.item IN $walk.commodities OR a.id IN $walk.commodities OR b.id IN $walk.commodities)
    AND NOT b IN seen
  WITH b, f, a.id AS parent, min($walk.ranks[r.nature]) AS hop
  WITH b, parent, f.route + b.id AS route, CASE WHEN hop > f.rank THEN hop ELSE f.rank END AS rank
  ORDER BY rank, parent
  WITH b, head(collect({node: b, route: route, rank: rank})) AS best
  RETURN collect(best) AS next
}
WITH root, next AS frontier, seen + [x IN next | x.node] AS seen, reached + [x IN next | {tier: 1, node: x.node, route: x.route}] AS reached
// tier 2
CALL (frontier, seen) {
  WITH frontier, seen WHERE 2 <= $maxDepth
  UNWIND frontier AS f
  WITH f, f.node AS a
  CALL (a) {
    MATCH (a)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]->(b:Entity)
    WHERE type(r) IN $walk.forward
    RETURN r, b
    UNION ALL
    MATCH (a)<-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(b:Entity)
    WHERE type(r) IN $walk.backward
    RETURN r, b
  }
  WITH f, a, r, b
  WHERE r.nature IN $walk.natures AND r.condition IS NULL
    AND ($walk.asOf IS NULL OR (r.periodStart <= $walk.asOf AND (r.periodEnd IS NULL OR r.periodEnd >= $walk.asOf)))
    AND ($walk.commodities IS NULL OR r.item IN $walk.commodities OR a.id IN $walk.commodities OR b.id IN $walk.commodities)
    AND NOT b IN seen
  WITH b, f, a.id AS parent, min($walk.ranks[r.nature]) AS hop
  WITH b, parent, f.route + b.id AS route, CASE WHEN hop > f.rank THEN hop ELSE f.rank END AS rank
  ORDER BY rank, parent
  WITH b, head(collect({node: b, route: route, rank: rank})) AS best
  RETURN collect(best) AS next
}
WITH root, next AS frontier, seen + [x IN next | x.node] AS seen, reached + [x IN next | {tier: 2, node: x.node, route: x.route}] AS reached
// tier 3
CALL (frontier, seen) {
  WITH frontier, seen WHERE 3 <= $maxDepth
  UNWIND frontier AS f
  WITH f, f.node AS a
  CALL (a) {
    MATCH (a)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]->(b:Entity)
    WHERE type(r) IN $walk.forward
    RETURN r, b
    UNION ALL
    MATCH (a)<-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(b:Entity)
    WHERE type(r) IN $walk.backward
    RETURN r, b
  }
  WITH f, a, r, b
  WHERE r.nature IN $walk.natures AND r.condition IS NULL
    AND ($walk.asOf IS NULL OR (r.periodStart <= $walk.asOf AND (r.periodEnd IS NULL OR r.periodEnd >= $walk.asOf)))
    AND ($walk.commodities IS NULL OR r.item IN $walk.commodities OR a.id IN $walk.commodities OR b.id IN $walk.commodities)
    AND NOT b IN seen
  WITH b, f, a.id AS parent, min($walk.ranks[r.nature]) AS hop
  WITH b, parent, f.route + b.id AS route, CASE WHEN hop > f.rank THEN hop ELSE f.rank END AS rank
  ORDER BY rank, parent
  WITH b, head(collect({node: b, route: route, rank: rank})) AS best
  RETURN collect(best) AS next
}
WITH root, next AS frontier, seen + [x IN next | x.node] AS seen, reached + [x IN next | {tier: 3, node: x.node, route: x.route}] AS reached
// tier 4
CALL (frontier, seen) {
  WITH frontier, seen WHERE 4 <= $maxDepth
  UNWIND frontier AS f
  WITH f, f.node AS a
  CALL (a) {
    MATCH (a)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]->(b:Entity)
    WHERE type(r) IN $walk.forward
    RETURN r, b
    UNION ALL
    MATCH (a)<-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(b:Entity)
    WHERE type(r) IN $walk.backward
    RETURN r, b
  }
  WITH f, a, r, b
  WHERE r.nature IN $walk.natures AND r.condition IS NULL
    AND ($walk.asOf IS NULL OR (r.periodStart <= $walk.asOf AND (r.periodEnd IS NULL OR r.periodEnd >= $walk.asOf)))
    AND ($walk.commodities IS NULL OR r.item IN $walk.commodities OR a.id IN $walk.commodities OR b.id IN $walk.commodities)
    AND NOT b IN seen
  WITH b, f, a.id AS parent, min($walk.ranks[r.nature]) AS hop
  WITH b, parent, f.route + b.id AS route, CASE WHEN hop > f.rank THEN hop ELSE f.rank END AS rank
  ORDER BY rank, parent
  WITH b, head(collect({node: b, route: route, rank: rank})) AS best
  RETURN collect(best) AS next
}
WITH root, next AS frontier, seen + [x IN next | x.node] AS seen, reached + [x IN next | {tier: 4, node: x.node, route: x.route}] AS reached
// tier 5
CALL (frontier, seen) {
  WITH frontier, seen WHERE 5 <= $maxDepth
  UNWIND frontier AS f
  WITH f, f.node AS a
  CALL (a) {
    MATCH (a)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]->(b:Entity)
    WHERE type(r) IN $walk.forward
    RETURN r, b
    UNION ALL
    MATCH (a)<-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(b:Entity)
    WHERE type(r) IN $walk.backward
    RETURN r, b
  }
  WITH f, a, r, b
  WHERE r.nature IN $walk.natures AND r.condition IS NULL
    AND ($walk.asOf IS NULL OR (r.periodStart <= $walk.asOf AND (r.periodEnd IS NULL OR r.periodEnd >= $walk.asOf)))
    AND ($walk.commodities IS NULL OR r.item IN $walk.commodities OR a.id IN $walk.commodities OR b.id IN $walk.commodities)
    AND NOT b IN seen
  WITH b, f, a.id AS parent, min($walk.ranks[r.nature]) AS hop
  WITH b, parent, f.route + b.id AS route, CASE WHEN hop > f.rank THEN hop ELSE f.rank END AS rank
  ORDER BY rank, parent
  WITH b, head(collect({node: b, route: route, rank: rank})) AS best
  RETURN collect(best) AS next
}
WITH root, next AS frontier, seen + [x IN next | x.node] AS seen, reached + [x IN next | {tier: 5, node: x.node, route: x.route}] AS reached
// tier 6
CALL (frontier, seen) {
  WITH frontier, seen WHERE 6 <= $maxDepth
  UNWIND frontier AS f
  WITH f, f.node AS a
  CALL (a) {
    MATCH (a)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]->(b:Entity)
    WHERE type(r) IN $walk.forward
    RETURN r, b
    UNION ALL
    MATCH (a)<-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(b:Entity)
    WHERE type(r) IN $walk.backward
    RETURN r, b
  }
  WITH f, a, r, b
  WHERE r.nature IN $walk.natures AND r.condition IS NULL
    AND ($walk.asOf IS NULL OR (r.periodStart <= $walk.asOf AND (r.periodEnd IS NULL OR r.periodEnd >= $walk.asOf)))
    AND ($walk.commodities IS NULL OR r.item IN $walk.commodities OR a.id IN $walk.commodities OR b.id IN $walk.commodities)
    AND NOT b IN seen
  WITH b, f, a.id AS parent, min($walk.ranks[r.nature]) AS hop
  WITH b, parent, f.route + b.id AS route, CASE WHEN hop > f.rank THEN hop ELSE f.rank END AS rank
  ORDER BY rank, parent
  WITH b, head(collect({node: b, route: route, rank: rank})) AS best
  RETURN collect(best) AS next
}
WITH root, next AS frontier, seen + [x IN next | x.node] AS seen, reached + [x IN next | {tier: 6, node: x.node, route: x.route}] AS reached
// The kept routes are copied out of the tier's list, not sliced from it: Neo4j counts
// each row of a slice as holding the whole list (see cypher/bench/floor-walk.cypher).
RETURN root {.*, degree: COUNT { (root)--() }} AS entity,
       COLLECT {
         UNWIND reached AS x
         WITH x, x.node AS n
         WHERE ($walk.within IS NULL OR n.id = $walk.within
                OR EXISTS { (n)-[:LOCATED_IN|MEMBER_OF]->{1,6}(:Entity {id: $walk.within}) })
           AND ($walk.among IS NULL OR $walk.among[n.id] IS NOT NULL)
         WITH x ORDER BY x.tier, toLower(x.node.name), x.node.id
         // Names only for a walk that keeps some entities (within or among): the others
         // (upstream, downstream) do not sort by them and need not ship them.
         WITH x.tier AS tier, collect(x.route) AS ranked,
              collect(CASE WHEN $walk.within IS NOT NULL OR $walk.among IS NOT NULL THEN coalesce(x.node.name, '') END) AS rankedNames
         WITH tier, ranked, rankedNames, CASE WHEN size(ranked) < $perTier THEN size(ranked) ELSE $perTier END AS keep
         RETURN {tier: tier, total: size(ranked), kept: [i IN range(0, keep - 1) | ranked[i]],
                 names: [i IN range(0, size(rankedNames) - 1) WHERE i < keep | rankedNames[i]]}
           AS tier
         ORDER BY tier.tier
       } AS tiers
