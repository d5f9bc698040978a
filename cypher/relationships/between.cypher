// Facts between entities a text names together (src/db/names.ts `readText`), for each
// of several readings of the text: the facts that involve two or more of the reading's
// entities, as either end (either direction), as the item, or in a policy clause's
// scope (items, origins, destinations, end users, sectors, subjects). When the reading
// leaves words over, only facts whose own words (`fact_text`: claims, every reference's
// claim, note) match them, $readings' `query` being a Lucene query built from escaped
// words. Those with both ends among the entities first, then those involving the most
// of them, the best match of the words, the newest period, by id; at most $limit per
// reading. Without words, the candidates are the facts at an entity's end and the
// policy clauses (the only facts with a scope), so nothing is scanned beyond them.
// Parameters: $readings (list of {ids: list of entity ids in the order typed, query: Lucene query or null}), $limit (int, per reading)
// Returns: reading (index into $readings), score (of the words; 0 without), involved (the reading's ids the fact involves, in its order), links (both ends among them), rel (properties with type, from and to)
// Mode: read
UNWIND range(0, size($readings) - 1) AS reading
WITH reading, $readings[reading] AS named
CALL (named) {
  WITH named
  WHERE named.query IS NULL
  UNWIND named.ids AS id
  MATCH (:Entity {id: id})-[r]-(:Entity)
  RETURN r, 0.0 AS score
  UNION
  WITH named
  WHERE named.query IS NULL
  MATCH (:Entity)-[r:RESTRICTS|APPLIES_TO|SUBJECT_TO]->(:Entity)
  RETURN r, 0.0 AS score
  UNION
  WITH named
  WHERE named.query IS NOT NULL
  CALL db.index.fulltext.queryRelationships('fact_text', named.query) YIELD relationship AS r, score
  WHERE startNode(r):Entity AND endNode(r):Entity
  RETURN r, score
}
WITH reading, named, r, score, startNode(r).id AS fromId, endNode(r).id AS toId
WITH reading, r, score, fromId, toId, fromId IN named.ids AND toId IN named.ids AND fromId <> toId AS links,
  [id IN named.ids WHERE id IN [fromId, toId, r.item] + coalesce(r.scopeItems, []) + coalesce(r.scopeOrigins, []) +
    coalesce(r.scopeDestinations, []) + coalesce(r.scopeEndUsers, []) + coalesce(r.scopeSectors, []) +
    coalesce(r.scopeSubjects, [])] AS involved
WHERE size(involved) >= 2
WITH reading, r, score, fromId, toId, links, involved
ORDER BY reading, links DESC, size(involved) DESC, score DESC, r.periodStart DESC, r.id
WITH reading, collect({score: score, involved: involved, links: links, rel: r {.*, type: type(r), from: fromId, to: toId}})[..$limit] AS facts
UNWIND facts AS fact
RETURN reading, fact.score AS score, fact.involved AS involved, fact.links AS links, fact.rel AS rel
