// Floor for the load's supplier lookup (bench/load/): an entity (through the redirect
// of a merged id) and, for a company, its suppliers as `Company.suppliers` defines them
// (src/resolvers/links.ts: SUPPLIES, LICENSES_TO or FUNDS pointing at it), newest period
// first (an open end counting as the newest), then by fact id, at most $first, each
// with the supplier, the fact and its evidence's claim and sources' titles (in the
// fact's sourceIds order, missing sources left out), in one query.
// Parameters: $id (entity id), $first (integer)
// Returns: entity (id, name, kind as the API spells it), suppliers (list of {entity:
//          {id, name, kind}, relationship: {id, type, evidence: {claim, sources:
//          [{title}]}}}), at most one row
// Mode: read
OPTIONAL MATCH (redirect:EntityRedirect {id: $id})
MATCH (e:Entity {id: coalesce(redirect.to, $id)})
CALL (e) {
  MATCH (e)<-[r:SUPPLIES|LICENSES_TO|FUNDS]-(o:Entity)
  WITH DISTINCT r, o
  ORDER BY r.periodEnd IS NULL DESC, r.periodEnd DESC, r.id
  LIMIT $first
  RETURN collect({
    entity: {id: o.id, name: o.name, kind: toUpper(o.kind)},
    relationship: {
      id: r.id,
      type: type(r),
      evidence: {
        claim: coalesce(r.claim, ''),
        sources: COLLECT {
          UNWIND range(0, size(coalesce(r.sourceIds, [])) - 1) AS i
          MATCH (s:Source {id: r.sourceIds[i]})
          RETURN s {.title} ORDER BY i
        }
      }
    }
  }) AS suppliers
}
RETURN e {.id, .name, kind: toUpper(e.kind)} AS entity, suppliers
