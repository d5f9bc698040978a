// Floor for `subgraph` (bench/floor/): the neighbourhood of the start entities in
// breadth-first order (start entities in the order given, then by distance, name in
// lower case and id), cut at $limit nodes, with every relationship among the kept nodes
// by id, and the node and edge fields the benchmark selects, in one query (the API
// reads the nodes' fields in a second round trip).
// Parameters: $ids (start entity ids, distinct), $limit (integer)
// Returns: one row: nodes (list of {id, name, kind as the API spells it}), edges (list
//          of {id, type, from: {id}, to: {id}}), truncated
// Bounds: depth 1..3
// Mode: read
UNWIND range(0, size($ids) - 1) AS position
MATCH (start:Entity {id: $ids[position]})
CALL (start) {
  MATCH p = ANY SHORTEST (start)-[]-{0,{{depth}}}(n:Entity)
  RETURN n, length(p) AS distance
}
WITH n, min(distance) AS distance, min(CASE WHEN distance = 0 THEN position END) AS position
ORDER BY distance, position, toLower(n.name), n.id
WITH collect(n) AS reached
WITH reached[..$limit] AS nodes, size(reached) AS reachable
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN nodes
  WITH r, a, b
  ORDER BY r.id
  RETURN collect({id: r.id, type: type(r), from: {id: a.id}, to: {id: b.id}}) AS edges
}
RETURN [n IN nodes | {id: n.id, name: n.name, kind: toUpper(n.kind)}] AS nodes, edges,
       reachable > size(nodes) AS truncated
