// Floor for the nested batching request `entities(first: N)` (bench/floor/): the first
// $first entities by name (lower case) then id, as the API lists them, each with its
// sources and its first 10 relationships in link order (cypher/entities/links.cypher:
// newest period first, an open end counting as the newest, then by id), each with both
// ends (with their sources' ids) and the evidence's claim and sources, in one query.
// Sources are the cited ids that name a source, in the order cited; for the ends only
// the ids are selected, so their existence is checked without reading the sources.
// Parameters: $first (integer)
// Returns: one row per entity, in page order: node ({id, name, sources: [{id, title}],
//          relationships: [{id, type, from: {id, name, sources: [{id}]}, to: {…},
//          evidence: {claim, sources: [{id, title}]}}]})
// Mode: read
MATCH (e:Entity)
WITH e
ORDER BY toLower(e.name), e.id
LIMIT $first
RETURN {
  id: e.id, name: e.name,
  sources: COLLECT {
    UNWIND coalesce(e.sourceIds, []) AS sourceId
    MATCH (s:Source {id: sourceId})
    RETURN s {.id, .title}
  },
  relationships: COLLECT {
    MATCH (e)-[r]-(:Entity)
    WITH DISTINCT r
    ORDER BY r.periodEnd IS NULL DESC, r.periodEnd DESC, r.id
    LIMIT 10
    WITH r, startNode(r) AS a, endNode(r) AS b
    RETURN {
      id: r.id, type: type(r),
      from: {id: a.id, name: a.name, sources: [sourceId IN coalesce(a.sourceIds, []) WHERE EXISTS { (:Source {id: sourceId}) } | {id: sourceId}]},
      to: {id: b.id, name: b.name, sources: [sourceId IN coalesce(b.sourceIds, []) WHERE EXISTS { (:Source {id: sourceId}) } | {id: sourceId}]},
      evidence: {
        claim: coalesce(r.claim, ''),
        sources: COLLECT {
          UNWIND coalesce(r.sourceIds, []) AS sourceId
          MATCH (s:Source {id: sourceId})
          RETURN s {.id, .title}
        }
      }
    }
  }
} AS node
