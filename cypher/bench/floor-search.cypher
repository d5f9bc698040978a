// Floor for `search(query)` on a text of one word (bench/floor/): the candidates the API
// ranks (cypher/entities/search.cypher: the best full-text matches over names, aliases
// and descriptions, and the entities whose name keys equal the text's key), ranked here
// as src/db/catalog.ts ranks them: EXACT (a name key equals the text's key), then
// PREFIX (a name or alias, normalised, starts with the typed text; the closest
// completion first), then WORDS (every query word starts a word of a name, an alias or
// the description), then FUZZY; within each by score, then name in lower case, then id.
// Normalised as src/db/names.ts does: lower case, NFKD, combining marks
// (U+0300..U+036F) dropped, every run of other characters that are not letters or
// numbers one space, trimmed. PREFIX normalises each candidate's names character by
// character (short); WORDS tests each text with one regular expression per word (the
// word's letters, combining marks allowed between them, after the start or a
// separator), so descriptions are not rebuilt. A text of several words can also name
// entities together (PART), which takes a second query in the API: not covered (the
// handler refuses such a text). Ties of match, completion and score are broken by the
// name in lower case in code-point order here, by `localeCompare` in the API: the two
// differ only for names that collate differently (accents, punctuation).
// Parameters: $query (the Lucene query for the text), $keyQuery (the quoted, escaped
//             key for `entity_keys`), $key (the text's key), $typed (the text
//             normalised), $words (the query words: normalised, stop words dropped;
//             letters and numbers only), $candidates (integer), $limit (integer)
// Returns: up to $limit rows, best first: score, entity ({id, name, kind as the API
//          spells it})
// Mode: read
WITH [w IN $words |
       '(?s)(?:.*[^\\p{L}\\p{N}\\x{0300}-\\x{036f}])?[\\x{0300}-\\x{036f}]*'
       + reduce(pattern = '', k IN range(0, size(w) - 1) | pattern + substring(w, k, 1) + '[\\x{0300}-\\x{036f}]*')
       + '.*'] AS patterns
CALL () {
  CALL db.index.fulltext.queryNodes('entity_search', $query) YIELD node, score
  RETURN node, score
  ORDER BY score DESC, node.name
  LIMIT $candidates
  UNION
  CALL db.index.fulltext.queryNodes('entity_keys', $keyQuery) YIELD node
  WHERE $key IN node.nameKeys
  RETURN node, 0.0 AS score
}
WITH patterns, node, max(score) AS score
CALL (node) {
  WITH node
  WHERE NOT $key IN coalesce(node.nameKeys, [])
  UNWIND [node.name] + coalesce(node.aliases, []) AS name
  WITH normalize(toLower(name), NFKD) AS decomposed
  WITH reduce(spaced = '', i IN range(0, size(decomposed) - 1) |
         spaced + CASE
                    WHEN substring(decomposed, i, 1) =~ '[\\x{0300}-\\x{036f}]' THEN ''
                    WHEN substring(decomposed, i, 1) =~ '[\\p{L}\\p{N}]' THEN substring(decomposed, i, 1)
                    ELSE ' '
                  END) AS spaced
  RETURN collect(reduce(words = '', word IN split(spaced, ' ') |
           CASE WHEN word = '' THEN words WHEN words = '' THEN word ELSE words + ' ' + word END)) AS normalised
}
// (The texts are listed name, description, aliases: with the description appended after
// the aliases as `... + [coalesce(node.description, '')]`, Neo4j 5.26 fails the reduce
// with a type error. Their order does not change the words they hold.)
CALL (node, patterns) {
  WITH normalize(toLower(reduce(joined = '', piece IN [node.name, coalesce(node.description, '')] + coalesce(node.aliases, []) |
                                  joined + ' ' + piece)), NFKD) AS texts
  RETURN size(patterns) > 0 AND all(wordPattern IN patterns WHERE texts =~ wordPattern) AS words
}
WITH node, score, normalised,
     CASE
       WHEN $key IN coalesce(node.nameKeys, []) THEN 0
       WHEN $typed <> '' AND any(completion IN normalised WHERE completion STARTS WITH $typed) THEN 1
       WHEN words THEN 2
       ELSE 4
     END AS match
WITH node, score, match,
     CASE
       WHEN match = 1 THEN reduce(shortest = null, completion IN normalised |
                             CASE WHEN completion STARTS WITH $typed AND (shortest IS NULL OR size(completion) < shortest) THEN size(completion) ELSE shortest END)
       ELSE 0
     END AS rest
ORDER BY match, rest, score DESC, toLower(node.name), node.id
LIMIT $limit
RETURN score, node {.id, .name, kind: toUpper(node.kind)} AS entity
