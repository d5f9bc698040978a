// Creates synthetic facts for the benchmark between existing entities (synthetic or
// seeded), with the seed's fact properties. The type comes from the benchmark's
// generator, drawn from the seed vocabulary.
// Parameters: $rows: list of {type, from, to, props}
// Returns: created (how many rows were written; rows whose ends are missing are skipped)
// Mode: write
UNWIND $rows AS row
MATCH (a:Entity {id: row.from})
MATCH (b:Entity {id: row.to})
CREATE (a)-[r:$(row.type)]->(b)
SET r = row.props
RETURN count(r) AS created
