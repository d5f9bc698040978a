// What an id names now, and the ids merged into that: an entity id merged away (its
// redirect) names its survivor, any other id (an entity's, a fact's, a source's) itself.
// Redirects are kept flat (merge-away.cypher re-points those of an id merged in turn), so
// one hop reaches the survivor.
// Parameters: $id
// Returns: id (the id it names now), merged (the ids merged into it)
// Mode: read
OPTIONAL MATCH (x:EntityRedirect {id: $id})
WITH coalesce(x.to, $id) AS current
OPTIONAL MATCH (r:EntityRedirect {to: current})
RETURN current AS id, collect(r.id) AS merged
