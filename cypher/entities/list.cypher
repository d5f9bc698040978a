// A page of entities, filtered and sorted, with the total across pages.
// Sorting: $order is NAME_ASC, NAME_DESC or DEGREE_DESC (the keys that do not apply
// are null for every row, so they do not change the order). The degree is
// `COUNT { (e)--() }`, read from the node's stored degree without expanding: it counts
// links to entities because only entities have relationships (facts join entities;
// sources are cited by id, never linked). A test in graph-quality keeps that true.
// The total is counted only $withTotal: it reads every entity that passes the filters,
// which a page sorted by name or degree with a limit need not keep (at 100,000 entities
// most of the cost of a page whose total nobody asked for).
// Parameters: $kinds (labels or null), $nameContains (lower case or null),
//             $sourceId (or null), $order, $offset (int), $limit (int), $withTotal (bool)
// Returns: total (0 without $withTotal), page (list of entity maps with degree)
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
  MATCH (e:Entity)
  WHERE ($kinds IS NULL OR e.kind IN $kinds)
    AND ($nameContains IS NULL OR toLower(e.name) CONTAINS $nameContains
         OR any(a IN e.aliases WHERE toLower(a) CONTAINS $nameContains))
    AND ($sourceId IS NULL OR $sourceId IN e.sourceIds)
  WITH e, COUNT { (e)--() } AS degree
  ORDER BY CASE WHEN $order = 'NAME_DESC' THEN toLower(e.name) END DESC,
           CASE WHEN $order = 'DEGREE_DESC' THEN -degree END ASC,
           toLower(e.name) ASC, e.id ASC
  SKIP $offset
  LIMIT $limit
  RETURN collect(e {.*, degree: degree}) AS page
}
RETURN total, page
