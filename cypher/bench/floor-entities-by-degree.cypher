// Floor for `entities(orderBy: DEGREE_DESC)` (bench/floor/): the total and one page of
// entities, most relationships first, then by name (lower case) and id, as the API
// orders them. The degree is `COUNT { (e)--() }`, read from the stored degree.
// Parameters: $limit (integer)
// Returns: one row: total, page (list of {id, name, kind as the API spells it, degree})
// Mode: read
CALL () {
  MATCH (e:Entity)
  RETURN count(e) AS total
}
CALL () {
  MATCH (e:Entity)
  WITH e, COUNT { (e)--() } AS degree
  ORDER BY degree DESC, toLower(e.name) ASC, e.id ASC
  LIMIT $limit
  RETURN collect({id: e.id, name: e.name, kind: toUpper(e.kind), degree: degree}) AS page
}
RETURN total, page
