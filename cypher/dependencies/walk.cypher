// Dependency walk: every entity reachable from the root within maxDepth hops, each
// with one shortest path to it (ANY SHORTEST per reached entity, so its tier is that
// path's length). Each hop follows one fact of the allowed kinds in the direction the
// walk goes: for an upstream walk $forward holds the dependent-first kinds (A -[T]-> B:
// A depends on B) and $backward the provider-first ones (B -[T]-> A); a downstream walk
// swaps the two lists. The type list in the pattern is literal (types cannot be
// parameters) and equals DEPENDENT_FIRST + PROVIDER_FIRST in src/db/dependencies.ts.
// With $commodity, a hop is followed only when the fact's item is the commodity or the
// commodity is one of the hop's two entities.
// Parameters: $id (root entity), $forward, $backward (lists of relationship types),
//             $commodity (entity id or null)
// Returns: entityId, tier, route (entity ids from the root), sorted by tier, then name
// Bounds: maxDepth 1..6
// Mode: read
MATCH p = ANY SHORTEST (x:Entity {id: $id})
  ((a:Entity)-[r:DEPENDS_ON|IMPORTS_FROM|USES_TECHNOLOGY|CONSUMES|MADE_FROM|SUPPLIES|EXPORTS_TO|LICENSES_TO|FUNDS|DEVELOPS|PRODUCES]-(b:Entity)
    WHERE ((startNode(r) = a AND type(r) IN $forward) OR (endNode(r) = a AND type(r) IN $backward))
      AND ($commodity IS NULL OR r.item = $commodity OR a.id = $commodity OR b.id = $commodity)){1,{{maxDepth}}}
  (s:Entity)
WHERE s <> x
RETURN s.id AS entityId, length(p) AS tier, [n IN nodes(p) | n.id] AS route
ORDER BY tier, toLower(s.name), entityId
