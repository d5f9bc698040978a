// The relationships of many entities at once, for many link requests (the links
// DataLoader's batch: every link field of a request's level, whatever its specs, filters
// and page size, in one round trip). A request is a list of link specs with filters and
// a page size; each ask pairs an entity with a request. A spec names relationship
// types, optionally the kinds allowed at the other end, and where the asking entity e
// stands:
//   OUTGOING     e is the fact's `from`            (other end: `to`)
//   INCOMING     e is the fact's `to`              (other end: `from`)
//   BOTH         either                            (other end: the other node)
//   ITEM         e is the fact's item (the technology a licence covers …) (other end: `to`)
//   WITHIN       the `from` is located in or a member of e, and the fact (LOCATED_IN,
//                MEMBER_OF) says it is located in e or in a place within e (other end:
//                that member)
//   MEMBER_FROM  the `from` is within e (other end: that member)
//   MEMBER_TO    the `to` is within e   (other end: the `from`)
//   SCOPE        a policy clause (RESTRICTS, APPLIES_TO) names e among its origins or
//                destinations (other end: the policy)
// Each kind of spec is a branch of one union, guarded by the specs asked for and marked
// `// Branch`: the data layer sends only the branches a batch uses (keepBranches,
// src/db/cypher.ts; the others would return nothing), OUTGOING being the branch
// `direct-out`, INCOMING `direct-in`, and BOTH the two of them.
// "Within e": located in or a member of e, directly or through the places located in
// it, up to 4 LOCATED_IN or MEMBER_OF hops, every place between being a Country or
// Region (a company in a province is within its country; Germany and its companies are
// within Europe; a member of an association is not within the association's country).
// Optional filters: a commodity (the item or the other end), a period overlapping
// [periodFrom, periodTo] (a period with no end, periodEnd null, holds from its start
// on, so it overlaps every later date), figures only. ITEM facts come from the
// `fact_refs` index: $itemQueries maps each id to its Lucene query (`item:"…"`), built and escaped by the
// data layer (empty when no spec is ITEM); the item comparison decides.
// At most the request's `limit` links per ask come back, newest period first (an open end
// counting as the newest), then by id:
// the cut is made here, per entity, so a page of 5 never ships an entity's thousands
// of facts to the API only to drop them there.
// What the operation selects below a link can come along, so that resolving it costs no
// further round trip: a request with `withSources` returns each fact's sources (those it
// cites and those its references cite) and the other end's, one with `withItem` the
// entity its item names. A request with `slimEntity` reads only the other end's id, name,
// kind, cited sources and degree, one with `factKeys` only those properties of the fact
// (its id, item, claim, period, nature, condition, note and sources, and its figure when
// shown; and then not the references' sources): what a selection that shows no more needs,
// at a fraction of the decoding (the figure's ten properties are left out unless asked
// for). Slim entities and facts come as lists of values in the order of the key lists
// the data layer passes (src/db/graph.ts), not as maps: no key is sent on every row.
// Entities looked up by id ($lookups, a merged id finding its survivor through its
// redirect, as entities/by-ids does) come in the same round trip, with the sources they
// cite when $lookupSources: an entity lookup and the link fields its selection shows are
// one query.
// Parameters: $asks: list of {id (the asking entity), request (index into $requests)},
//             each pair once (each ask sent is answered: a repeated one would be twice),
//             $requests: list of {specs: list of {types, direction, otherKinds (or
//             null)}, commodity, periodFrom, periodTo, withFigure, limit (integer, per
//             asking entity), withSources, withItem, slimEntity, factKeys (null: the
//             facts whole)},
//             $itemQueries (map id → query),
//             $lookups (list of entity ids, usually empty), $lookupSources (bool),
//             $slimEntityKeys (the properties a slim entity reads, in order)
// Returns: id (the asking entity), request (the index), other (the entity at the other
//          end), entity (its properties with kind and degree, as entities/by-ids reads
//          them: the API keeps them in the request's entity loader, so the ends of the
//          links cost no second round trip; with slimEntity, the values of
//          $slimEntityKeys then the degree), rel (the fact's properties with type, from
//          and to; with factKeys, those properties' values then type, from and to),
//          items (on the first row only: the
//          entities the items of the links with `withItem` name, each once, properties
//          with kind and degree; one per link repeated the same few goods: 20 KB of the
//          90 KB of Yimeitai's three link fields at 20,000 entities), sources (on the
//          first row only: every source the batch brings along, once, so a page of
//          links citing the same few documents ships each document once; null on the
//          others), found (on the first row only: the lookups
//          answered, {requested (the id asked), entity (properties with kind and
//          degree)}, in the order asked, unknown ids left out); one row per link, by ask, each ask's in link order, or when there
//          is no link but a looked-up entity, one row with only sources and found
// Mode: read
UNWIND $asks AS ask
MATCH (e:Entity {id: ask.id})
WITH ask, e, $requests[ask.request] AS q
// Each ask's links are matched, filtered, sorted and cut in a subquery of their own:
// sorting every ask's candidates at once, then grouping them by ask, took 10% longer
// for a page of 50 entities' links (2,587 candidates, 356 kept) at 20,000 entities.
CALL (e, q) {
  CALL (e, q) {
    // Branch direct-out
    // One branch per side, each expanding only its direction, and sent only when a spec
    // asks for it: a hub's relationships mostly point one way (China's 67,000 at 100,000
    // entities are nearly all members' LOCATED_IN, pointing in), and a field asking the
    // other way (its exports) then reads only those. One undirected expansion for every
    // direction took 152 ms for China's exports(first: 20) and 21 ms for Germany's
    // exports and production, against 108 and 11.7 ms (same rows; 40 interleaved runs,
    // 100,000 entities); a BOTH spec is answered by both branches.
    WITH e, q WHERE any(s IN q.specs WHERE s.direction IN ['OUTGOING', 'BOTH'])
    MATCH (e)-[r]->(o:Entity)
    WITH r, o, [s IN q.specs WHERE s.direction IN ['OUTGOING', 'BOTH'] AND type(r) IN s.types] AS matched
    WHERE size(matched) > 0
    RETURN r, o, matched
    UNION
    // Branch direct-in
    WITH e, q WHERE any(s IN q.specs WHERE s.direction IN ['INCOMING', 'BOTH'])
    MATCH (e)<-[r]-(o:Entity)
    WITH r, o, [s IN q.specs WHERE s.direction IN ['INCOMING', 'BOTH'] AND type(r) IN s.types] AS matched
    WHERE size(matched) > 0
    RETURN r, o, matched
    UNION
    // Branch item
    WITH e, q WHERE any(s IN q.specs WHERE s.direction = 'ITEM')
    CALL db.index.fulltext.queryRelationships('fact_refs', $itemQueries[e.id]) YIELD relationship AS r
    WITH e, r, endNode(r) AS o
    WHERE r.item = e.id AND startNode(r):Entity AND o:Entity
    WITH r, o, [s IN q.specs WHERE s.direction = 'ITEM' AND type(r) IN s.types] AS matched
    WHERE size(matched) > 0
    RETURN r, o, matched
    UNION
    // Branch within
    WITH e, q WHERE any(s IN q.specs WHERE s.direction = 'WITHIN')
    MATCH (e) (()<-[:LOCATED_IN|MEMBER_OF]-(:Country|Region)){0,3} ()<-[r:LOCATED_IN|MEMBER_OF]-(o:Entity)
    WHERE o <> e
    WITH r, o, [s IN q.specs WHERE s.direction = 'WITHIN' AND type(r) IN s.types] AS matched
    WHERE size(matched) > 0
    RETURN r, o, matched
    UNION
    // Branch member-from
    WITH e, q WHERE any(s IN q.specs WHERE s.direction = 'MEMBER_FROM')
    MATCH (e) (()<-[:LOCATED_IN|MEMBER_OF]-(:Country|Region)){0,3} ()<-[:LOCATED_IN|MEMBER_OF]-(o:Entity)-[r]->(:Entity)
    WHERE o <> e
    WITH r, o, [s IN q.specs WHERE s.direction = 'MEMBER_FROM' AND type(r) IN s.types] AS matched
    WHERE size(matched) > 0
    RETURN r, o, matched
    UNION
    // Branch scope
    WITH e, q WHERE any(s IN q.specs WHERE s.direction = 'SCOPE')
    MATCH (o:Policy)-[r:RESTRICTS|APPLIES_TO]->(:Entity)
    WHERE e.id IN r.scopeOrigins OR e.id IN r.scopeDestinations
    WITH r, o, [s IN q.specs WHERE s.direction = 'SCOPE' AND type(r) IN s.types] AS matched
    WHERE size(matched) > 0
    RETURN r, o, matched
    UNION
    // Branch member-to
    WITH e, q WHERE any(s IN q.specs WHERE s.direction = 'MEMBER_TO')
    MATCH (e) (()<-[:LOCATED_IN|MEMBER_OF]-(:Country|Region)){0,3} ()<-[:LOCATED_IN|MEMBER_OF]-(m:Entity)<-[r]-(o:Entity)
    WHERE m <> e
    WITH r, o, [s IN q.specs WHERE s.direction = 'MEMBER_TO' AND type(r) IN s.types] AS matched
    WHERE size(matched) > 0
    RETURN r, o, matched
  }
  WITH r, o, matched
  WHERE any(s IN matched WHERE s.otherKinds IS NULL OR o.kind IN s.otherKinds)
    AND (q.commodity IS NULL OR r.item = q.commodity OR o.id = q.commodity)
    AND (q.periodFrom IS NULL OR r.periodEnd IS NULL OR r.periodEnd >= q.periodFrom)
    AND (q.periodTo IS NULL OR r.periodStart <= q.periodTo)
    AND (q.withFigure = false OR r.quantity IS NOT NULL)
  WITH DISTINCT r, o
  ORDER BY r.periodEnd IS NULL DESC, r.periodEnd DESC, r.id
  WITH collect({r: r, o: o}) AS candidates
  RETURN candidates[..q.limit] AS kept
}
UNWIND range(0, size(kept) - 1) AS position
WITH ask, q, position, kept[position].r AS r, kept[position].o AS o
WITH ask, q, position, r, o,
     CASE WHEN q.slimEntity THEN [key IN $slimEntityKeys | o[key]] + COUNT { (o)--() }
          ELSE o {.*, degree: COUNT { (o)--() }} END AS entity,
     CASE WHEN q.factKeys IS NULL THEN r {.*} ELSE [key IN q.factKeys | r[key]] END AS fact,
     CASE WHEN q.withItem THEN r.item END AS itemId
WITH ask, position, o, entity, itemId,
     CASE WHEN q.factKeys IS NULL THEN fact {.*, type: type(r), from: startNode(r).id, to: endNode(r).id}
          ELSE fact + [type(r), startNode(r).id, endNode(r).id] END AS rel,
     CASE WHEN q.withSources
          THEN r.sourceIds
               + CASE WHEN q.factKeys IS NULL THEN coalesce(r.refSourceIds, []) ELSE [] END
               + coalesce(o.sourceIds, [])
          ELSE [] END AS cites
ORDER BY ask.id, ask.request, position
WITH collect({
       id: ask.id, request: ask.request, other: o.id, entity: entity,
       rel: rel, itemId: itemId, cites: cites
     }) AS links
CALL () {
  UNWIND $lookups AS requested
  OPTIONAL MATCH (redirect:EntityRedirect {id: requested})
  MATCH (e:Entity {id: coalesce(redirect.to, requested)})
  RETURN collect({requested: requested, entity: e {.*, degree: COUNT { (e)--() }}}) AS found
}
WITH links, found,
     COLLECT {
       UNWIND links + [lookup IN found WHERE $lookupSources | {cites: coalesce(lookup.entity.sourceIds, [])}] AS citing
       UNWIND citing.cites AS sourceId
       WITH DISTINCT sourceId
       MATCH (s:Source {id: sourceId})
       RETURN s {.*}
     } AS sources,
     COLLECT {
       UNWIND links AS link
       WITH DISTINCT link.itemId AS itemId
       WHERE itemId IS NOT NULL
       MATCH (i:Entity {id: itemId})
       RETURN i {.*, degree: COUNT { (i)--() }}
     } AS items
// With no link at all, a lookup still answers: one row without a link.
UNWIND CASE WHEN size(links) = 0 AND size(found) > 0 THEN [null] ELSE range(0, size(links) - 1) END AS position
RETURN links[position].id AS id, links[position].request AS request, links[position].other AS other,
       links[position].entity AS entity, links[position].rel AS rel,
       CASE WHEN coalesce(position, 0) = 0 THEN items END AS items,
       CASE WHEN coalesce(position, 0) = 0 THEN sources END AS sources,
       CASE WHEN coalesce(position, 0) = 0 THEN found END AS found
