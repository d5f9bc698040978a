// A page of relationships (facts), filtered, newest period first (a period with no
// end, periodEnd null, counting as the newest), with the total.
// With $entity, only facts where it is an end or the item. With $place (trade figures),
// only facts the place, or an entity within it, reports (its `from`), plus flows into
// it (EXPORTS_TO) and out of it (IMPORTS_FROM) as reported by the other side;
// $placeTypes are the types counted from the place's side, $inflowTypes and
// $outflowTypes those counted when it is the `to`. "Within the place": located in or a
// member of it, directly or through the places located in it, up to 4 LOCATED_IN or
// MEMBER_OF hops, every place between being a Country or Region (as in
// cypher/entities/links.cypher, WITHIN). The period filter keeps the facts whose
// period overlaps [$periodFrom, $periodTo]; one with no end overlaps every later date.
// Candidates come from an anchor where there is one: the entity's or the place's
// relationships, else the facts citing $sourceId, else those touching $item (its
// relationships and the facts naming it as item); only a query with none of these
// reads every relationship. Facts by source or item come from the `fact_refs` index;
// $sourceQuery, $entityItemQuery and $itemQuery are its Lucene queries for $sourceId,
// $entity and $item, built and escaped by the data layer (null when the value is
// null). The filters below then decide exactly. Each anchor is a branch of one union,
// guarded by its parameters and marked `// Branch`: the data layer sends only the
// branches a request can use (keepBranches, src/db/cypher.ts; the others would return
// nothing). The place has five: `place` expands every trade measure's types, and
// `place-exports`, `place-imports`, `place-production` and `place-capacity` only one
// measure's; the data layer sends the narrowest that holds every type the request
// counts (placeBranch in src/db/catalog.ts reads their type lists from this file).
// Parameters: $types (or null), $entity, $entityItemQuery, $sourceId, $sourceQuery,
//             $item, $itemQuery, $hasFigure (bool or null), $periodFrom, $periodTo,
//             $place, $placeTypes, $inflowTypes, $outflowTypes, $offset (int), $limit (int),
//             $withEnds, $withSources (bool: what the operation reads below the page),
//             $factKeys (null: the page's facts whole; else only these properties, as
//             a list of their values, src/db/slim.ts, and then the sources read along
//             leave out the references'), $slimEntity (bool: the ends read along only
//             as slim as entities/links.cypher reads them, the values of
//             $slimEntityKeys), $slimEntityKeys,
//             $checkEntities, $checkSources (the ids the request's arguments name, looked
//             up in the same round trip so that checking them costs none of its own)
// Returns: total, page (list of relationship maps with type, from, to; with $factKeys,
//          lists of those properties' values, then type, from and to), ends (with
//          $withEnds: the entities the page's facts name as from, to, item or measurer,
//          with kind and degree as entities/by-ids reads them, or with $slimEntity the
//          values of $slimEntityKeys then the degree; else null), sources (with
//          $withSources: the sources the page's facts, their references and their ends
//          cite; else null). What comes along spares the API a round trip per level below the page.
//          checkedEntities (list of {requested, entity}: each of $checkEntities found,
//          through its redirect, as entities/by-ids reads it), checkedSources (the ids of
//          $checkSources found).
// Mode: read
CALL () {
  CALL () {
    // Branch unanchored
    WITH 1 AS unanchored WHERE $entity IS NULL AND $place IS NULL AND $sourceId IS NULL AND $item IS NULL
    MATCH (:Entity)-[r]->(:Entity)
    RETURN r
    UNION
    // Branch source
    WITH 1 AS bySource WHERE $entity IS NULL AND $place IS NULL AND $sourceId IS NOT NULL
    CALL db.index.fulltext.queryRelationships('fact_refs', $sourceQuery) YIELD relationship AS r
    WITH r WHERE startNode(r):Entity AND endNode(r):Entity
    RETURN r
    UNION
    // Branch item
    WITH 1 AS byItem WHERE $entity IS NULL AND $place IS NULL AND $sourceId IS NULL AND $item IS NOT NULL
    MATCH (:Entity {id: $item})-[r]-(:Entity)
    RETURN r
    UNION
    // Branch item
    WITH 1 AS byItem WHERE $entity IS NULL AND $place IS NULL AND $sourceId IS NULL AND $item IS NOT NULL
    CALL db.index.fulltext.queryRelationships('fact_refs', $itemQuery) YIELD relationship AS r
    WITH r WHERE startNode(r):Entity AND endNode(r):Entity
    RETURN r
    UNION
    // Branch entity
    WITH 1 AS anchored WHERE $entity IS NOT NULL
    MATCH (:Entity {id: $entity})-[r]-(:Entity)
    RETURN r
    UNION
    // Branch entity
    WITH 1 AS anchored WHERE $entity IS NOT NULL
    CALL db.index.fulltext.queryRelationships('fact_refs', $entityItemQuery) YIELD relationship AS r
    WITH r WHERE r.item = $entity AND startNode(r):Entity AND endNode(r):Entity
    RETURN r
    UNION
    // Branch place
    WITH 1 AS anchored WHERE $place IS NOT NULL
    MATCH (place:Entity {id: $place})
    CALL (place) {
      RETURN place AS p
      UNION
      MATCH (place) (()<-[:LOCATED_IN|MEMBER_OF]-(:Country|Region)){0,3} ()<-[:LOCATED_IN|MEMBER_OF]-(p:Entity)
      RETURN p
    }
    // The types of every trade measure (MEASURES in src/resolvers/catalog.ts; a test keeps
    // them in step), spelled out: a typed expansion reads only those relationships of
    // each member, where one over all of them and a filter on type(r) took 1.7 times as
    // long for China's exports at 20,000 entities (the $placeTypes filter still decides).
    // One end is the member, never both (no fact of these types links an entity to
    // itself, src/domain/rules.ts), so a CASE on the side decides: 10% quicker for
    // China's exports at 20,000 entities than testing both sides with OR.
    MATCH (p)-[r:PRODUCES|HAS_CAPACITY|EXPORTS|EXPORTS_TO|IMPORTS|IMPORTS_FROM]-(:Entity)
    WHERE CASE WHEN startNode(r) = p THEN type(r) IN $placeTypes
               ELSE type(r) IN $inflowTypes OR type(r) IN $outflowTypes END
    RETURN r
    UNION
    // Branch place-exports
    // One measure's types only (MEASURES in src/resolvers/catalog.ts): China's exports at
    // 100,000 entities in 0.95 of the time of the expansion over every measure's types,
    // with the same answer (20 interleaved runs each; 0.97 at 20,000 entities).
    WITH 1 AS anchored WHERE $place IS NOT NULL
    MATCH (place:Entity {id: $place})
    CALL (place) {
      RETURN place AS p
      UNION
      MATCH (place) (()<-[:LOCATED_IN|MEMBER_OF]-(:Country|Region)){0,3} ()<-[:LOCATED_IN|MEMBER_OF]-(p:Entity)
      RETURN p
    }
    MATCH (p)-[r:EXPORTS|EXPORTS_TO|IMPORTS_FROM]-(:Entity)
    WHERE CASE WHEN startNode(r) = p THEN type(r) IN $placeTypes
               ELSE type(r) IN $inflowTypes OR type(r) IN $outflowTypes END
    RETURN r
    UNION
    // Branch place-imports
    WITH 1 AS anchored WHERE $place IS NOT NULL
    MATCH (place:Entity {id: $place})
    CALL (place) {
      RETURN place AS p
      UNION
      MATCH (place) (()<-[:LOCATED_IN|MEMBER_OF]-(:Country|Region)){0,3} ()<-[:LOCATED_IN|MEMBER_OF]-(p:Entity)
      RETURN p
    }
    MATCH (p)-[r:IMPORTS|IMPORTS_FROM|EXPORTS_TO]-(:Entity)
    WHERE CASE WHEN startNode(r) = p THEN type(r) IN $placeTypes
               ELSE type(r) IN $inflowTypes OR type(r) IN $outflowTypes END
    RETURN r
    UNION
    // Branch place-production
    WITH 1 AS anchored WHERE $place IS NOT NULL
    MATCH (place:Entity {id: $place})
    CALL (place) {
      RETURN place AS p
      UNION
      MATCH (place) (()<-[:LOCATED_IN|MEMBER_OF]-(:Country|Region)){0,3} ()<-[:LOCATED_IN|MEMBER_OF]-(p:Entity)
      RETURN p
    }
    MATCH (p)-[r:PRODUCES]-(:Entity)
    WHERE CASE WHEN startNode(r) = p THEN type(r) IN $placeTypes
               ELSE type(r) IN $inflowTypes OR type(r) IN $outflowTypes END
    RETURN r
    UNION
    // Branch place-capacity
    WITH 1 AS anchored WHERE $place IS NOT NULL
    MATCH (place:Entity {id: $place})
    CALL (place) {
      RETURN place AS p
      UNION
      MATCH (place) (()<-[:LOCATED_IN|MEMBER_OF]-(:Country|Region)){0,3} ()<-[:LOCATED_IN|MEMBER_OF]-(p:Entity)
      RETURN p
    }
    MATCH (p)-[r:HAS_CAPACITY]-(:Entity)
    WHERE CASE WHEN startNode(r) = p THEN type(r) IN $placeTypes
               ELSE type(r) IN $inflowTypes OR type(r) IN $outflowTypes END
    RETURN r
  }
  WITH DISTINCT r
  WHERE ($types IS NULL OR type(r) IN $types)
    AND ($sourceId IS NULL OR $sourceId IN r.sourceIds)
    AND ($item IS NULL OR r.item = $item OR startNode(r).id = $item OR endNode(r).id = $item)
    AND ($hasFigure IS NULL OR (r.quantity IS NOT NULL) = $hasFigure)
    AND ($periodFrom IS NULL OR r.periodEnd IS NULL OR r.periodEnd >= $periodFrom)
    AND ($periodTo IS NULL OR r.periodStart <= $periodTo)
  RETURN r
}
// The total counts every match; only the page is sorted out of them (a top-N sort:
// 8% quicker than sorting China's 3,184 export figures at 20,000 entities to keep 50).
WITH collect(r) AS matches
CALL (matches) {
  UNWIND matches AS r
  WITH r ORDER BY r.periodEnd IS NULL DESC, r.periodEnd DESC, r.periodStart DESC, r.id
  SKIP $offset LIMIT $limit
  RETURN collect(r) AS page
}
WITH size(matches) AS total, page
RETURN total,
       [r IN page |
         CASE WHEN $factKeys IS NULL THEN r {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}
              ELSE [key IN $factKeys | r[key]] + [type(r), startNode(r).id, endNode(r).id] END] AS page,
       CASE WHEN $withEnds THEN COLLECT {
         UNWIND page AS r
         UNWIND [startNode(r).id, endNode(r).id, r.item, r.measuredBy] AS endId
         WITH DISTINCT endId WHERE endId IS NOT NULL
         MATCH (e:Entity {id: endId})
         RETURN CASE WHEN $slimEntity THEN [key IN $slimEntityKeys | e[key]] + COUNT { (e)--() }
                     ELSE e {.*, degree: COUNT { (e)--() }} END
       } END AS ends,
       CASE WHEN $withSources THEN COLLECT {
         UNWIND page AS r
         UNWIND r.sourceIds
                + CASE WHEN $factKeys IS NULL THEN coalesce(r.refSourceIds, []) ELSE [] END
                + coalesce(startNode(r).sourceIds, []) + coalesce(endNode(r).sourceIds, []) AS sourceId
         WITH DISTINCT sourceId
         MATCH (s:Source {id: sourceId})
         RETURN s {.*}
       } END AS sources,
       COLLECT {
         UNWIND $checkEntities AS id
         OPTIONAL MATCH (redirect:EntityRedirect {id: id})
         WITH id, coalesce(redirect.to, id) AS target
         MATCH (e:Entity {id: target})
         RETURN {requested: id, entity: e {.*, degree: COUNT { (e)--() }}}
       } AS checkedEntities,
       COLLECT {
         UNWIND $checkSources AS id
         MATCH (s:Source {id: id})
         RETURN s.id
       } AS checkedSources
