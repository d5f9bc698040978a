// The entity whose name or an alias equals $key (lower case, trimmed). The full-text
// index finds candidates for the phrase; the exact comparison decides.
// Parameters: $phrase (a quoted Lucene phrase of the name), $key
// Returns: id (at most one row)
// Mode: read
CALL db.index.fulltext.queryNodes('entity_search', $phrase) YIELD node
WITH node
WHERE toLower(trim(node.name)) = $key OR any(a IN node.aliases WHERE toLower(trim(a)) = $key)
RETURN node.id AS id
ORDER BY CASE WHEN toLower(trim(node.name)) = $key THEN 0 ELSE 1 END, node.id
LIMIT 1
