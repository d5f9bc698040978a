// Every good (Commodity, Product) with its broader goods and stored closure, and the
// policy clauses' items: what a change to the goods taxonomy must recompute.
// Parameters: none
// Returns: goods (list of {id, kind, broader, narrower}), clauses (list of {id, type, items, covered})
// Mode: read
CALL () {
  MATCH (g:Entity) WHERE g:Commodity OR g:Product
  RETURN collect({id: g.id, kind: g.kind, broader: coalesce(g.broader, []), narrower: coalesce(g.narrower, [])}) AS goods
}
CALL () {
  MATCH (:Entity)-[r:RESTRICTS|APPLIES_TO]->(:Entity)
  RETURN collect({id: r.id, type: type(r), items: coalesce(r.scopeItems, []), covered: coalesce(r.scopeCoveredItems, [])}) AS clauses
}
RETURN goods, clauses
