// Stores a recomputed goods taxonomy closure: each good's narrower goods, and each
// policy clause's covered items (a clause covers every good narrower than its items).
// Parameters: $goods (list of {id, narrower}), $clauses (list of {id, type, covered})
// Returns: goods, clauses (how many were set)
// Mode: write
CALL () {
  UNWIND $goods AS row
  MATCH (g:Entity {id: row.id})
  SET g.narrower = row.narrower
  RETURN count(*) AS goods
}
CALL () {
  UNWIND $clauses AS row
  MATCH (:Entity)-[r:$(row.type) {id: row.id}]->(:Entity)
  SET r.scopeCoveredItems = row.covered
  RETURN count(*) AS clauses
}
RETURN goods, clauses
