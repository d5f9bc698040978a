// The entities one of the name keys already finds (src/db/names.ts), through the
// `entity_keys` index; $phrase is the Lucene query of the quoted, escaped keys.
// Parameters: $phrase, $keys
// Returns: id, name, keys (the keys among $keys the entity owns)
// Mode: read
CALL db.index.fulltext.queryNodes('entity_keys', $phrase) YIELD node
WITH node, [k IN node.nameKeys WHERE k IN $keys] AS keys
WHERE size(keys) > 0
RETURN node.id AS id, node.name AS name, keys
ORDER BY id
