// Floor for `entity(id)` with the benchmark's selection (bench/floor/): the entity's
// fields, its sources, its first 50 relationships (both ends, item, evidence with
// period and sources) and, for a company, its customers and suppliers (the link specs
// of src/resolvers/links.ts: SUPPLIES, LICENSES_TO, EXPORTS_TO out; SUPPLIES,
// LICENSES_TO, FUNDS in), each at most 50, in one query. Relationship lists are in
// link order (cypher/entities/links.cypher): newest period first, an open end counting
// as the newest, then by id. Sources are the cited ids that name a source, in the
// order cited. An id merged away finds its survivor, as the entity loader does. Every
// relationship in the graph is a fact of a vocabulary type, so "all types" is no filter.
// Parameters: $id (entity id)
// Returns: at most one row: entity ({id, name, description, degree, sources: [{id,
//          title}], relationships: [{id, type, from, to, item, evidence}]}), company
//          (true when customers and suppliers apply), customers, suppliers (lists of
//          {entity: {id, name}, relationship: {id, type, evidence: {claim}}})
// Mode: read
OPTIONAL MATCH (redirect:EntityRedirect {id: $id})
MATCH (e:Entity {id: coalesce(redirect.to, $id)})
CALL (e) {
  MATCH (e)-[r]-(:Entity)
  WITH DISTINCT r
  ORDER BY r.periodEnd IS NULL DESC, r.periodEnd DESC, r.id
  LIMIT 50
  WITH r, startNode(r) AS a, endNode(r) AS b
  OPTIONAL MATCH (item:Entity {id: r.item})
  RETURN collect({
    id: r.id, type: type(r),
    from: {id: a.id, name: a.name},
    to: {id: b.id, name: b.name},
    item: CASE WHEN item IS NULL THEN null ELSE {id: item.id, name: item.name} END,
    evidence: {
      claim: coalesce(r.claim, ''),
      nature: coalesce(r.nature, 'REPORTED'),
      period: {text: coalesce(r.period, ''), start: coalesce(r.periodStart, ''), end: r.periodEnd},
      sources: COLLECT {
        UNWIND coalesce(r.sourceIds, []) AS sourceId
        MATCH (s:Source {id: sourceId})
        RETURN s {.publisher, .title, .date}
      }
    }
  }) AS relationships
}
RETURN {
         id: e.id, name: e.name, description: coalesce(e.description, ''), degree: COUNT { (e)--() },
         sources: COLLECT {
           UNWIND coalesce(e.sourceIds, []) AS sourceId
           MATCH (s:Source {id: sourceId})
           RETURN s {.id, .title}
         },
         relationships: relationships
       } AS entity,
       e:Company AS company,
       COLLECT {
         MATCH (e:Company)-[r:SUPPLIES|LICENSES_TO|EXPORTS_TO]->(o:Entity)
         WITH r, o
         ORDER BY r.periodEnd IS NULL DESC, r.periodEnd DESC, r.id
         LIMIT 50
         RETURN {entity: {id: o.id, name: o.name}, relationship: {id: r.id, type: type(r), evidence: {claim: coalesce(r.claim, '')}}}
       } AS customers,
       COLLECT {
         MATCH (e:Company)<-[r:SUPPLIES|LICENSES_TO|FUNDS]-(o:Entity)
         WITH r, o
         ORDER BY r.periodEnd IS NULL DESC, r.periodEnd DESC, r.id
         LIMIT 50
         RETURN {entity: {id: o.id, name: o.name}, relationship: {id: r.id, type: type(r), evidence: {claim: coalesce(r.claim, '')}}}
       } AS suppliers
