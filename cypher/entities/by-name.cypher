// The entities a name finds: those whose name or alias has the same key (src/db/names.ts:
// case, punctuation and dropped suffixes such as "Limited" do not count), through the
// `entity_keys` index (keyword analyzer: $phrase is the quoted, escaped key). The data
// layer prefers the one whose own name has the key.
// Parameters: $phrase (Lucene query), $key (the normalised key)
// Returns: id, name, entity (its properties with kind and degree, as entities/by-ids
//          reads them: the API keeps them in the request's entity loader)
// Mode: read
CALL db.index.fulltext.queryNodes('entity_keys', $phrase) YIELD node
WITH node
WHERE $key IN node.nameKeys
RETURN node.id AS id, node.name AS name, node {.*, degree: COUNT { (node)--() }} AS entity
ORDER BY id
LIMIT 10
