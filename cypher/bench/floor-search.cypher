// Floor for `search(query)` on a text of one word (bench/floor/): the candidates the API
// ranks (cypher/entities/search.cypher: the best full-text matches over names, aliases
// and descriptions, and the entities whose name keys equal the text's key), ranked here
// as src/db/catalog.ts ranks them: EXACT (a name key equals the text's key), then
// PREFIX (a name or alias, normalised, starts with the typed text; the closest
// completion first), then WORDS (every query word starts a word of a name, an alias or
// the description), then FUZZY; within each by score, then name in lower case, then id.
// Normalised as src/db/names.ts does: lower case, NFKD, combining marks
// (U+0300..U+036F) dropped, every run of other characters that are not letters or
// numbers one space, trimmed. Both tests are regular expressions over the names and
// texts in lower case and NFKD, built here from the normalised words (letters and
// numbers only): each letter may be followed by combining marks; PREFIX anchors the
// typed words at the start (separators before and between them), WORDS finds each word
// after the start or a separator anywhere in the name, aliases and description; so
// descriptions are never rebuilt. Only the names that pass PREFIX are normalised
// character by character, for the closest completion's length. The tests' subqueries
// count rather than filter, so every candidate keeps its row. (Name keys cannot decide
// PREFIX: the benchmark's synthetic entities are written without them, as the API's
// search, which normalises names itself, still finds them by prefix.) A text of several
// words can also name entities together (PART), which takes a second query in the API:
// not covered (the handler refuses such a text). Ties of match, completion and score
// are broken by the name in lower case in code-point order here, by `localeCompare` in
// the API: the two differ only for names that collate differently (accents, punctuation).
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
       + '.*'] AS patterns,
     '(?s)[^\\p{L}\\p{N}]*'
       + reduce(pattern = '', j IN range(0, size(split($typed, ' ')) - 1) |
           pattern
           + CASE WHEN j = 0 THEN '' ELSE '[^\\p{L}\\p{N}\\x{0300}-\\x{036f}][^\\p{L}\\p{N}]*' END
           + reduce(letters = '', k IN range(0, size(split($typed, ' ')[j]) - 1) |
               letters + substring(split($typed, ' ')[j], k, 1) + '[\\x{0300}-\\x{036f}]*'))
       + '.*' AS prefixPattern
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
WITH patterns, prefixPattern, node, max(score) AS score
CALL (node, prefixPattern) {
  WITH node, prefixPattern
  WHERE $typed <> '' AND NOT $key IN coalesce(node.nameKeys, [])
  UNWIND [node.name] + coalesce(node.aliases, []) AS name
  WITH normalize(toLower(name), NFKD) AS decomposed, prefixPattern
  WHERE decomposed =~ prefixPattern
  WITH reduce(spaced = '', i IN range(0, size(decomposed) - 1) |
         spaced + CASE
                    WHEN substring(decomposed, i, 1) =~ '[\\x{0300}-\\x{036f}]' THEN ''
                    WHEN substring(decomposed, i, 1) =~ '[\\p{L}\\p{N}]' THEN substring(decomposed, i, 1)
                    ELSE ' '
                  END) AS spaced
  WITH reduce(words = '', word IN split(spaced, ' ') |
         CASE WHEN word = '' THEN words WHEN words = '' THEN word ELSE words + ' ' + word END) AS completion
  RETURN count(*) > 0 AS prefix, coalesce(min(size(completion)), 0) AS rest
}
// (The texts are listed name, description, aliases: with the description appended after
// the aliases as `... + [coalesce(node.description, '')]`, Neo4j 5.26 fails the reduce
// with a type error. Their order does not change the words they hold.)
CALL (node, patterns, prefix) {
  WITH node, patterns
  WHERE NOT prefix AND NOT $key IN coalesce(node.nameKeys, [])
  WITH normalize(toLower(reduce(joined = '', piece IN [node.name, coalesce(node.description, '')] + coalesce(node.aliases, []) |
                                  joined + ' ' + piece)), NFKD) AS texts, patterns
  WHERE size(patterns) > 0 AND all(wordPattern IN patterns WHERE texts =~ wordPattern)
  RETURN count(*) > 0 AS words
}
WITH node, score, rest,
     CASE
       WHEN $key IN coalesce(node.nameKeys, []) THEN 0
       WHEN prefix THEN 1
       WHEN words THEN 2
       ELSE 4
     END AS match
ORDER BY match, rest, score DESC, toLower(node.name), node.id
LIMIT $limit
RETURN score, node {.id, .name, kind: toUpper(node.kind)} AS entity
