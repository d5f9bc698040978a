// Floor for `entityByName` (bench/floor/): the entities whose name or alias has the
// key, with the fields the benchmark selects, in one query. The handler prefers the one
// whose own name has the key (as the API does), then the smallest id.
// Parameters: $phrase (Lucene query: the quoted, escaped key), $key (the normalised key)
// Returns: entity (id, name, aliases, kind as the API spells it), by id, at most 10
// Mode: read
CALL db.index.fulltext.queryNodes('entity_keys', $phrase) YIELD node
WITH node
WHERE $key IN node.nameKeys
RETURN node {.id, .name, aliases: coalesce(node.aliases, []), kind: toUpper(node.kind)} AS entity
ORDER BY entity.id
LIMIT 10
