// Creates synthetic entities for the benchmark: the Entity label, the kind label and the
// seed's properties (degree is computed by the read queries, never stored). The kind
// comes from the benchmark's generator, drawn from the seed vocabulary.
// Parameters: $rows: list of {kind, props}
// Returns: created (how many rows were written)
// Mode: write
UNWIND $rows AS row
CREATE (e:Entity:$(row.kind))
SET e = row.props
RETURN count(e) AS created
