// The database's version and the graph's size, for start-up logs and the benchmark.
// Parameters: none
// Returns: version, edition, entities, relationships, sources
// Mode: read
CALL dbms.components() YIELD name, versions, edition
WHERE name = 'Neo4j Kernel'
CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
CALL () { MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS relationships }
CALL () { MATCH (s:Source) RETURN count(s) AS sources }
RETURN versions[0] AS version, edition, entities, relationships, sources
