// Creates synthetic source documents for the benchmark, shaped like the seed's.
// Parameters: $rows: list of {id, props}
// Returns: created (how many rows were written)
// Mode: write
UNWIND $rows AS row
CREATE (s:Source)
SET s = row.props
RETURN count(s) AS created
