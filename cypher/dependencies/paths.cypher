// The k shortest dependency routes from one entity to another: routes of distinct
// entities (the predicate inside the path pattern filters before the selector, so
// walks that revisit an entity take no group), found with SHORTEST k GROUPS (all paths
// of the k shortest lengths) and reduced to distinct entity sequences. Parallel facts
// give several paths per route; k groups hold at least k routes when that many exist.
// The quantifier starts at 0 with `size(b) > 0` in the predicate because Neo4j 5.26
// rejects a {1,1} quantifier inside a parenthesised path pattern (maxLength 1).
// Hops follow facts as in walk.cypher ($forward / $backward by direction, literal type
// list equal to DEPENDENT_FIRST + PROVIDER_FIRST in src/db/dependencies.ts).
// Parameters: $from, $to (entity ids), $forward, $backward (lists of relationship
//             types), $k (integer: how many routes)
// Returns: route (entity ids from $from to $to), shortest first, ties by the ids
// Bounds: k 1..10, maxLength 1..8
// Mode: read
MATCH p = SHORTEST {{k}} GROUPS ((x:Entity {id: $from})
  ((a:Entity)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES]-(b:Entity)
    WHERE (startNode(r) = a AND type(r) IN $forward) OR (endNode(r) = a AND type(r) IN $backward)){0,{{maxLength}}}
  (y:Entity {id: $to})
  WHERE size(b) > 0 AND NOT x IN b AND all(i IN range(0, size(b) - 2) WHERE NOT b[i] IN b[i + 1..]))
WITH DISTINCT [n IN nodes(p) | n.id] AS route
RETURN route
ORDER BY size(route), route
LIMIT $k
