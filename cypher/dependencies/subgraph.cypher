// The neighbourhood of the start entities for graph views: every entity within depth
// hops over relationships of any direction (only $types when given), in breadth-first
// order (start entities first, in the order given, then by distance, then name and id),
// cut at $limit nodes, with every relationship among the nodes kept (only $types when
// given). `reachable` counts the whole neighbourhood, so reachable > size(nodeIds)
// means the limit cut it short.
// What is read of each node and edge follows the selection (resolvers/selection.ts,
// subgraphReads): decoding whole property maps the operation never shows was most of
// the app's time on a 200-node view.
// Parameters: $ids (start entity ids, distinct), $types (relationship types or null),
//             $limit (integer), $checkEntities (the ids as the request gave them,
//             looked up in the same round trip so that checking them costs none of its own),
//             $slimNodes (true: nodes' id, name, kind and cited sources only, the values
//             of $slimEntityKeys), $slimEntityKeys, $edgeKeys (null: every property of
//             each edge's fact; else the properties to read, as src/db/slim.ts lists
//             them for a bare, slim or figure-showing fact)
// Returns: one row: nodeIds, nodes (their properties with kind and degree, as
//          entities/by-ids reads them, for the request's entity loader; with $slimNodes
//          a list: the values of $slimEntityKeys, then the degree), reachable, edges
//          (rel properties with type, from and to, by fact id; with $edgeKeys a list:
//          their values, then type, from and to), checkedEntities
//          (list of {requested, entity}: each of $checkEntities found, through its
//          redirect, as entities/by-ids reads it)
// Bounds: depth 1..3
// Mode: read
UNWIND range(0, size($ids) - 1) AS position
MATCH (start:Entity {id: $ids[position]})
CALL (start) {
  MATCH p = ANY SHORTEST (start)-[r WHERE $types IS NULL OR type(r) IN $types]-{0,{{depth}}}(n:Entity)
  RETURN n, length(p) AS distance
}
WITH n, min(distance) AS distance, min(CASE WHEN distance = 0 THEN position END) AS position
ORDER BY distance, position, toLower(n.name), n.id
WITH collect(n) AS reached
WITH reached[..$limit] AS nodes, size(reached) AS reachable
CALL (nodes) {
  UNWIND nodes AS a
  MATCH (a)-[r]->(b:Entity)
  WHERE b IN nodes AND ($types IS NULL OR type(r) IN $types)
  WITH r, a, b
  ORDER BY r.id
  RETURN collect(CASE WHEN $edgeKeys IS NULL THEN r {.*, type: type(r), from: a.id, to: b.id}
                      ELSE [key IN $edgeKeys | r[key]] + [type(r), a.id, b.id] END) AS edges
}
RETURN [n IN nodes | n.id] AS nodeIds,
       [n IN nodes | CASE WHEN $slimNodes THEN [key IN $slimEntityKeys | n[key]] + COUNT { (n)--() }
                          ELSE n {.*, degree: COUNT { (n)--() }} END] AS nodes,
       reachable, edges,
       COLLECT {
         UNWIND $checkEntities AS id
         OPTIONAL MATCH (redirect:EntityRedirect {id: id})
         WITH id, coalesce(redirect.to, id) AS target
         MATCH (e:Entity {id: target})
         RETURN {requested: id, entity: e {.*, degree: COUNT { (e)--() }}}
       } AS checkedEntities
