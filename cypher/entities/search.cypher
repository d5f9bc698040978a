// Search candidates for ranking (src/db/catalog.ts ranks them: exact name or alias, then
// prefix, then the words, then approximate): the full-text matches over entity names,
// aliases and descriptions, best first, and the entities whose name keys equal the
// text's key (so an exact name is never missing from the candidates, however many
// others score higher). $query is a Lucene query built from escaped user terms; $keyQuery
// the quoted, escaped key for `entity_keys`.
// Parameters: $query, $keyQuery, $key, $kinds (list of labels, or null), $limit (int)
// Returns: id, name, aliases, nameKeys, description, score, entity (its properties with
//          kind and degree, as entities/by-ids reads them, for the request's entity loader)
// Mode: read
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
  WHERE $kinds IS NULL OR node.kind IN $kinds
  RETURN node, score
  ORDER BY score DESC, node.name
  LIMIT $limit
  UNION
  CALL db.index.fulltext.queryNodes('entity_keys', $keyQuery) YIELD node
  WHERE $key IN node.nameKeys AND ($kinds IS NULL OR node.kind IN $kinds)
  RETURN node, 0.0 AS score
}
WITH node, max(score) AS score
RETURN node.id AS id, node.name AS name, node.aliases AS aliases, node.nameKeys AS nameKeys, node.description AS description, score,
       node {.*, degree: COUNT { (node)--() }} AS entity
