// The ids the benchmark's load spreads its requests over (bench/load/), picked before
// the load and never timed: companies with at least one supplier (BMW and Tesla first,
// then by id), and entities of every kind spread evenly over the ids in order.
// Parameters: $suppliers (integer), $entities (integer)
// Returns: one row: suppliers (list of ids), entities (list of ids)
// Mode: read
CALL () {
  MATCH (c:Company)<-[:SUPPLIES|LICENSES_TO|FUNDS]-(:Entity)
  WITH DISTINCT c
  ORDER BY CASE c.id WHEN 'company:bmw' THEN 0 WHEN 'company:tesla' THEN 1 ELSE 2 END, c.id
  LIMIT $suppliers
  RETURN collect(c.id) AS suppliers
}
CALL () {
  MATCH (e:Entity)
  WITH e.id AS id
  ORDER BY id
  WITH collect(id) AS ids
  RETURN [i IN range(0, $entities - 1) | ids[i * size(ids) / $entities]] AS entities
}
RETURN suppliers, entities
