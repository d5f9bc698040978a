// Floor: Query.dependencyPaths (UPSTREAM, the API's default filters) as the bench asks
// it, with length, nodes { id name } and hops { relationships { id type item { name }
// evidence { claim sources { publisher date } } } }, in one query: Neo4j's own shortest
// search (ALL SHORTEST over a quantified path pattern, the hop's direction as an inline
// predicate) for the routes of the shortest length, as distinct entity sequences, first
// $k by their ids; then the facts of each hop. It answers what the API answers when at
// least $k routes are that short (the bench's case; the equality check before timing
// would show any other); the API's search from both ends is written for the general
// case, where this pattern blows up (see shortestRoutes in src/db/dependencies.ts).
// Parameters: $from, $to, $k (integer), $forward, $backward (types read along / against
//             the arrow, upstream), $dependentFirst, $providerFirst, $natures
// Returns: one row: paths (list of {length, nodes, hops})
// Mode: read
MATCH (from:Entity {id: $from}), (to:Entity {id: $to})
MATCH p = ALL SHORTEST (from)((a)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(b)
    WHERE ((startNode(r) = a AND type(r) IN $forward) OR (endNode(r) = a AND type(r) IN $backward))
      AND r.nature IN $natures AND r.condition IS NULL){1,6}(to)
WITH DISTINCT nodes(p) AS route
ORDER BY [n IN route | n.id]
LIMIT $k
CALL (route) {
  UNWIND range(0, size(route) - 2) AS i
  WITH i, route[i] AS d, route[i + 1] AS p
  MATCH (d)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES|RELIES_ON_MARKET|SERVES_SECTOR]-(p)
  WHERE ((startNode(r) = d AND type(r) IN $dependentFirst) OR (startNode(r) = p AND type(r) IN $providerFirst))
    AND r.nature IN $natures AND r.condition IS NULL
  WITH DISTINCT i, r
  CALL (r) {
    UNWIND range(0, size(r.sourceIds) - 1) AS j
    MATCH (s:Source {id: r.sourceIds[j]})
    WITH j, s ORDER BY j
    RETURN collect({publisher: s.publisher, date: s.date}) AS sources
  }
  WITH i, r, sources ORDER BY i, r.id
  WITH i, collect({
    id: r.id, type: type(r),
    item: COLLECT { MATCH (it:Entity {id: r.item}) RETURN {name: it.name} }[0],
    evidence: {claim: r.claim, sources: sources}
  }) AS relationships
  ORDER BY i
  RETURN collect({relationships: relationships}) AS hops
}
RETURN collect({length: size(route) - 1, nodes: [n IN route | {id: n.id, name: n.name}], hops: hops}) AS paths
