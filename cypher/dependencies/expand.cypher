// One tier of a dependency walk: the entities one hop from the frontier that were not
// reached before, each with the frontier entity it is reached from (the smallest id when
// several, so routes are stable). Walking tier by tier keeps the work proportional to
// the entities reached; one shortest-path search over the whole graph tracks every path
// through dense trade links and explodes at scale (see bench/README.md).
// Each hop follows one fact of the allowed kinds in the walk's direction: for an upstream
// walk $forward holds the dependent-first kinds (A -[T]-> B: A depends on B) and
// $backward the provider-first ones (B -[T]-> A); a downstream walk swaps the lists. The
// type list in the pattern is literal (types cannot be parameters) and equals
// DEPENDENT_FIRST + PROVIDER_FIRST in src/db/dependencies.ts. With $commodity, a hop is
// followed only when the fact's item is the commodity or the commodity is one of its ends.
// Parameters: $frontier (entity ids), $seen (ids reached so far, the frontier included),
//             $forward, $backward (lists of relationship types), $commodity (id or null)
// Returns: entityId, parentId, name
// Mode: read
UNWIND $frontier AS id
MATCH (a:Entity {id: id})-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES]-(b:Entity)
WHERE ((startNode(r) = a AND type(r) IN $forward) OR (endNode(r) = a AND type(r) IN $backward))
  AND ($commodity IS NULL OR r.item = $commodity OR a.id = $commodity OR b.id = $commodity)
  AND NOT b.id IN $seen
RETURN b.id AS entityId, min(a.id) AS parentId, b.name AS name
