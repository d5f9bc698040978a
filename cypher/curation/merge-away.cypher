// The last step of merging an entity into another, once its facts have moved: names
// of goods that listed it as broader now list the survivor, a redirect keeps its id
// finding the survivor (and redirects to it follow on), and the node goes.
// Parameters: $merged, $survivor
// Returns: redirected (count of redirects now pointing at the survivor)
// Mode: write
MATCH (old:Entity {id: $merged})
CALL (old) {
  MATCH (g:Entity) WHERE $merged IN coalesce(g.broader, [])
  SET g.broader = [b IN g.broader WHERE b <> $merged] + CASE WHEN $survivor IN g.broader THEN [] ELSE [$survivor] END
  RETURN count(g) AS goods
}
CALL () {
  MATCH (r:EntityRedirect {to: $merged})
  SET r.to = $survivor
  RETURN count(r) AS followed
}
MERGE (x:EntityRedirect {id: $merged})
SET x.to = $survivor
DETACH DELETE old
RETURN followed + 1 AS redirected
