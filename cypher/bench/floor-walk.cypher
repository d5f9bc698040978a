// Floor: a whole upstream or downstream walk as the API answers it (Query.upstream and
// Query.downstream with tiers { tier entities { entity { id name kind } path { length
// hops { dependent { id } provider { id } relationships { id type evidence { claim } } } } } }
// and total), in one query: breadth first, each entity at its lowest tier with the most
// certain route (then the parent with the smallest id), carried along the frontier; each
// tier sorted by name then id and cut at $perTier; the facts of every kept route's hops.
// The same filters as cypher/dependencies/tiers.cypher with the API's defaults (REPORTED
// facts, no condition, any day, any goods). A block per tier, as many as the bench's
// deepest walk; a block past $maxDepth does nothing.
// Parameters: $rootId, $maxDepth (integer), $perTier (integer), $upstream (boolean),
//             $forward, $backward (types read along / against the arrow in the walk's
//             direction), $dependentFirst, $providerFirst (types pointing from the
//             dependent / from the provider), $natures, $ranks (map nature -> rank)
// Returns: one row: total, tiers (list of {tier, entities})
// Mode: read
MATCH (root:Entity {id: $rootId})
WITH [{node: root, route: [root.id], rank: 0}] AS frontier, [root] AS seen, [] AS reached
// tier 1
CALL (frontier, seen) {
  WITH frontier, seen WHERE 1 <= $maxDepth
  UNWIND frontier AS f
  WITH f, f.node AS a
  CALL (a) {
    MATCH (a)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]->(b:Entity)
    WHERE type(r) IN $forward
    RETURN r, b
    UNION
    MATCH (a)<-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(b:Entity)
    WHERE type(r) IN $backward
    RETURN r, b
  }
  WITH f, a, r, b
  WHERE r.nature IN $natures AND r.condition IS NULL AND NOT b IN seen
  WITH b, f, a.id AS parent, min($ranks[r.nature]) AS hop
  WITH b, parent, f.route + b.id AS route, CASE WHEN hop > f.rank THEN hop ELSE f.rank END AS rank
  ORDER BY rank, parent
  WITH b, head(collect({node: b, route: route, rank: rank})) AS best
  RETURN collect(best) AS next
}
WITH next AS frontier, seen + [x IN next | x.node] AS seen, reached + [x IN next | {tier: 1, node: x.node, route: x.route}] AS reached
// tier 2
CALL (frontier, seen) {
  WITH frontier, seen WHERE 2 <= $maxDepth
  UNWIND frontier AS f
  WITH f, f.node AS a
  CALL (a) {
    MATCH (a)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]->(b:Entity)
    WHERE type(r) IN $forward
    RETURN r, b
    UNION
    MATCH (a)<-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(b:Entity)
    WHERE type(r) IN $backward
    RETURN r, b
  }
  WITH f, a, r, b
  WHERE r.nature IN $natures AND r.condition IS NULL AND NOT b IN seen
  WITH b, f, a.id AS parent, min($ranks[r.nature]) AS hop
  WITH b, parent, f.route + b.id AS route, CASE WHEN hop > f.rank THEN hop ELSE f.rank END AS rank
  ORDER BY rank, parent
  WITH b, head(collect({node: b, route: route, rank: rank})) AS best
  RETURN collect(best) AS next
}
WITH next AS frontier, seen + [x IN next | x.node] AS seen, reached + [x IN next | {tier: 2, node: x.node, route: x.route}] AS reached
// tier 3
CALL (frontier, seen) {
  WITH frontier, seen WHERE 3 <= $maxDepth
  UNWIND frontier AS f
  WITH f, f.node AS a
  CALL (a) {
    MATCH (a)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]->(b:Entity)
    WHERE type(r) IN $forward
    RETURN r, b
    UNION
    MATCH (a)<-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(b:Entity)
    WHERE type(r) IN $backward
    RETURN r, b
  }
  WITH f, a, r, b
  WHERE r.nature IN $natures AND r.condition IS NULL AND NOT b IN seen
  WITH b, f, a.id AS parent, min($ranks[r.nature]) AS hop
  WITH b, parent, f.route + b.id AS route, CASE WHEN hop > f.rank THEN hop ELSE f.rank END AS rank
  ORDER BY rank, parent
  WITH b, head(collect({node: b, route: route, rank: rank})) AS best
  RETURN collect(best) AS next
}
WITH next AS frontier, seen + [x IN next | x.node] AS seen, reached + [x IN next | {tier: 3, node: x.node, route: x.route}] AS reached
// tier 4
CALL (frontier, seen) {
  WITH frontier, seen WHERE 4 <= $maxDepth
  UNWIND frontier AS f
  WITH f, f.node AS a
  CALL (a) {
    MATCH (a)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]->(b:Entity)
    WHERE type(r) IN $forward
    RETURN r, b
    UNION
    MATCH (a)<-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(b:Entity)
    WHERE type(r) IN $backward
    RETURN r, b
  }
  WITH f, a, r, b
  WHERE r.nature IN $natures AND r.condition IS NULL AND NOT b IN seen
  WITH b, f, a.id AS parent, min($ranks[r.nature]) AS hop
  WITH b, parent, f.route + b.id AS route, CASE WHEN hop > f.rank THEN hop ELSE f.rank END AS rank
  ORDER BY rank, parent
  WITH b, head(collect({node: b, route: route, rank: rank})) AS best
  RETURN collect(best) AS next
}
WITH next AS frontier, seen + [x IN next | x.node] AS seen, reached + [x IN next | {tier: 4, node: x.node, route: x.route}] AS reached
// tier 5
CALL (frontier, seen) {
  WITH frontier, seen WHERE 5 <= $maxDepth
  UNWIND frontier AS f
  WITH f, f.node AS a
  CALL (a) {
    MATCH (a)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]->(b:Entity)
    WHERE type(r) IN $forward
    RETURN r, b
    UNION
    MATCH (a)<-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(b:Entity)
    WHERE type(r) IN $backward
    RETURN r, b
  }
  WITH f, a, r, b
  WHERE r.nature IN $natures AND r.condition IS NULL AND NOT b IN seen
  WITH b, f, a.id AS parent, min($ranks[r.nature]) AS hop
  WITH b, parent, f.route + b.id AS route, CASE WHEN hop > f.rank THEN hop ELSE f.rank END AS rank
  ORDER BY rank, parent
  WITH b, head(collect({node: b, route: route, rank: rank})) AS best
  RETURN collect(best) AS next
}
WITH next AS frontier, seen + [x IN next | x.node] AS seen, reached + [x IN next | {tier: 5, node: x.node, route: x.route}] AS reached
// tier 6
CALL (frontier, seen) {
  WITH frontier, seen WHERE 6 <= $maxDepth
  UNWIND frontier AS f
  WITH f, f.node AS a
  CALL (a) {
    MATCH (a)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]->(b:Entity)
    WHERE type(r) IN $forward
    RETURN r, b
    UNION
    MATCH (a)<-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(b:Entity)
    WHERE type(r) IN $backward
    RETURN r, b
  }
  WITH f, a, r, b
  WHERE r.nature IN $natures AND r.condition IS NULL AND NOT b IN seen
  WITH b, f, a.id AS parent, min($ranks[r.nature]) AS hop
  WITH b, parent, f.route + b.id AS route, CASE WHEN hop > f.rank THEN hop ELSE f.rank END AS rank
  ORDER BY rank, parent
  WITH b, head(collect({node: b, route: route, rank: rank})) AS best
  RETURN collect(best) AS next
}
WITH next AS frontier, seen + [x IN next | x.node] AS seen, reached + [x IN next | {tier: 6, node: x.node, route: x.route}] AS reached
UNWIND reached AS x
WITH x ORDER BY x.tier, toLower(x.node.name), x.node.id
WITH x.tier AS tier, collect(x) AS ranked
// The kept entities are copied out of the tier's list, not sliced from it, and are not
// sorted again after their hops (UNWIND and the CALL keep their order, and collect()
// keeps it too): Neo4j counted each row of a slice as holding the whole tier list, and
// each row of a later sort as holding every entity reached, so at 100,000 entities the
// walks of upstream depth 6 and China's downstream depth 2 ran out of transaction
// memory (2.1 GB, "MemoryPoolOutOfMemoryError") with 100 or 200 rows to sort.
WITH tier, size(ranked) AS total, [i IN range(0, CASE WHEN size(ranked) < $perTier THEN size(ranked) ELSE $perTier END - 1) | ranked[i]] AS kept
UNWIND kept AS x
CALL (x) {
  UNWIND range(0, size(x.route) - 2) AS i
  WITH i, CASE WHEN $upstream THEN x.route[i] ELSE x.route[i + 1] END AS dependentId,
          CASE WHEN $upstream THEN x.route[i + 1] ELSE x.route[i] END AS providerId
  MATCH (d:Entity {id: dependentId})-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(p:Entity {id: providerId})
  WHERE ((startNode(r) = d AND type(r) IN $dependentFirst) OR (startNode(r) = p AND type(r) IN $providerFirst))
    AND r.nature IN $natures AND r.condition IS NULL
  WITH DISTINCT i, d, p, r
  ORDER BY i, r.id
  WITH i, d, p, collect({id: r.id, type: type(r), evidence: {claim: r.claim}}) AS relationships
  ORDER BY i
  RETURN collect({dependent: {id: d.id}, provider: {id: p.id}, relationships: relationships}) AS hops
}
WITH tier, total, collect({entity: {id: x.node.id, name: x.node.name, kind: toUpper(x.node.kind)}, path: {length: size(x.route) - 1, hops: hops}}) AS entities
ORDER BY tier
RETURN sum(total) AS total, collect({tier: tier, entities: entities}) AS tiers
