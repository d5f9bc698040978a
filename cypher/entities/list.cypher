// A page of entities, filtered and sorted, with the total across pages.
// Sorting: $order is NAME_ASC, NAME_DESC or DEGREE_DESC; ties go by lower-case name,
// then id. The degree is `COUNT { (e)--() }`, read from the node's stored degree
// without expanding: it counts links to entities because only entities have
// relationships (facts join entities; sources are cited by id, never linked). A test in
// graph-quality keeps that true.
// The total is counted only $withTotal: it reads every entity that passes the filters,
// which a page sorted by name or degree with a limit need not keep (at 100,000 entities
// most of the cost of a page whose total nobody asked for).
// With $withSources, the sources the page's entities cite come along, each once (a page
// whose entities show their sources then needs no second query for them).
// Parameters: $kinds (labels or null), $nameContains (lower case or null),
//             $sourceId (or null), $order, $offset (int), $limit (int), $withTotal (bool),
//             $withSources (bool)
// Returns: total (0 without $withTotal), page (list of entity maps with degree),
//          sources (source maps; empty without $withSources)
// Mode: read
CALL () {
  // Without a filter the count is the label's count kept by the store (the subquery
  // that imports nothing is planned as NodeCountFromCountStore: one read); with one,
  // every entity is tested (16 ms for the filtered branch with its filters unset at
  // 20,000 entities).
  CALL () {
    WITH 1 AS unfiltered WHERE $withTotal AND $kinds IS NULL AND $nameContains IS NULL AND $sourceId IS NULL
    CALL () {
      MATCH (e:Entity)
      RETURN count(e) AS all
    }
    RETURN all AS n
    UNION ALL
    WITH 1 AS filtered WHERE $withTotal AND NOT ($kinds IS NULL AND $nameContains IS NULL AND $sourceId IS NULL)
    MATCH (e:Entity)
    WHERE ($kinds IS NULL OR e.kind IN $kinds)
      AND ($nameContains IS NULL OR toLower(e.name) CONTAINS $nameContains
           OR any(a IN e.aliases WHERE toLower(a) CONTAINS $nameContains))
      AND ($sourceId IS NULL OR $sourceId IN e.sourceIds)
    RETURN count(e) AS n
  }
  RETURN sum(n) AS total
}
CALL () {
  // An unfiltered page (the explorer's lists, the default) sorts by its own keys; a
  // filtered one tests every entity and sorts by CASE keys that serve all three orders.
  // Per row, at 20,000 entities, the filters unset cost about 6 ms and the CASE keys
  // 8 ms of a 75 ms page by degree (now 60 ms, as the floor's). Only the branch whose
  // guard holds reads anything. The degree is counted for the sort only when it sorts,
  // else for the page's rows only (a page by name: 75 → 51 ms).
  WITH 1 AS byDegree WHERE $order = 'DEGREE_DESC' AND $kinds IS NULL AND $nameContains IS NULL AND $sourceId IS NULL
  MATCH (e:Entity)
  WITH e, COUNT { (e)--() } AS degree
  ORDER BY degree DESC, toLower(e.name) ASC, e.id ASC
  SKIP $offset
  LIMIT $limit
  RETURN collect(e {.*, degree: degree}) AS part
  UNION ALL
  WITH 1 AS byName WHERE $order = 'NAME_ASC' AND $kinds IS NULL AND $nameContains IS NULL AND $sourceId IS NULL
  MATCH (e:Entity)
  WITH e
  ORDER BY toLower(e.name) ASC, e.id ASC
  SKIP $offset
  LIMIT $limit
  RETURN collect(e {.*, degree: COUNT { (e)--() }}) AS part
  UNION ALL
  WITH 1 AS byNameDescending WHERE $order = 'NAME_DESC' AND $kinds IS NULL AND $nameContains IS NULL AND $sourceId IS NULL
  MATCH (e:Entity)
  WITH e
  ORDER BY toLower(e.name) DESC, e.id ASC
  SKIP $offset
  LIMIT $limit
  RETURN collect(e {.*, degree: COUNT { (e)--() }}) AS part
  UNION ALL
  WITH 1 AS filtered WHERE NOT ($kinds IS NULL AND $nameContains IS NULL AND $sourceId IS NULL)
  MATCH (e:Entity)
  WHERE ($kinds IS NULL OR e.kind IN $kinds)
    AND ($nameContains IS NULL OR toLower(e.name) CONTAINS $nameContains
         OR any(a IN e.aliases WHERE toLower(a) CONTAINS $nameContains))
    AND ($sourceId IS NULL OR $sourceId IN e.sourceIds)
  WITH e
  ORDER BY CASE WHEN $order = 'NAME_DESC' THEN toLower(e.name) END DESC,
           CASE WHEN $order = 'DEGREE_DESC' THEN -COUNT { (e)--() } END ASC,
           toLower(e.name) ASC, e.id ASC
  SKIP $offset
  LIMIT $limit
  RETURN collect(e {.*, degree: COUNT { (e)--() }}) AS part
}
// Every branch answers one row (an empty part when its guard fails): the page is the
// one part that has entities.
WITH total, reduce(page = [], part IN collect(part) | page + part) AS page
RETURN total, page,
       CASE WHEN $withSources
            THEN COLLECT {
              UNWIND page AS entity
              UNWIND coalesce(entity.sourceIds, []) AS sourceId
              WITH DISTINCT sourceId
              MATCH (s:Source {id: sourceId})
              RETURN s {.*}
            }
            ELSE [] END AS sources
