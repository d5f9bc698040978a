// Full-text search over entity names, aliases and descriptions, best match first.
// $query is a Lucene query built by the data layer from escaped user terms.
// Parameters: $query, $kinds (list of labels, or null), $limit (int)
// Returns: id, score
// Mode: read
CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
WHERE $kinds IS NULL OR node.kind IN $kinds
RETURN node.id AS id, score
ORDER BY score DESC, node.name
LIMIT $limit
