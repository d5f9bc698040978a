// What runs of a text's words name (src/db/names.ts `readText`), for many keys at once:
// the entities that have the key as a name key exactly (with their names, so the data
// layer can prefer the one whose own name has it, as entityByName does) and up to two
// entities with a key that starts with it (a name typed in part: "yimei"), both through
// the `entity_keys` index (keyword analyzer). For each key, $keys holds `phrase`, the
// quoted, escaped key, and `prefix`, the escaped key (spaces escaped too) ending in `*`,
// or null for a key too short to name anything by its start.
// Parameters: $keys (list of {key, phrase, prefix})
// Returns: key, exact (list of {id, name, kind}, by id), partial (list of {id, kind}, by id, at most 2)
// Mode: read
UNWIND $keys AS k
CALL (k) {
  CALL db.index.fulltext.queryNodes('entity_keys', k.phrase) YIELD node
  WITH node
  WHERE k.key IN node.nameKeys
  WITH node ORDER BY node.id
  RETURN collect(node {.id, .name, .kind}) AS exact
}
CALL (k) {
  WITH k
  WHERE k.prefix IS NOT NULL
  CALL db.index.fulltext.queryNodes('entity_keys', k.prefix) YIELD node
  WITH node
  WHERE any(key IN node.nameKeys WHERE key STARTS WITH k.key)
  WITH node ORDER BY node.id LIMIT 2
  RETURN collect(node {.id, .kind}) AS partial
}
RETURN k.key AS key, exact, partial
