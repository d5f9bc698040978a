// Retracted facts from seed/retracted.yaml, as RetractedFact nodes with every property
// the fact had and the retraction's (see cypher/curation/retract-fact.cypher): history
// restored by a reload, joined to nothing, so no answer sees them. Keyed by retraction
// id; writes only what changed. Retracted facts the files do not hold stay: history is
// never deleted by a load.
// Parameters: $rows: list of {retractionId, props}
// Returns: id (the retraction id), status ('created' | 'updated' | 'unchanged'), one row per retraction
// Mode: write
UNWIND $rows AS row
OPTIONAL MATCH (old:RetractedFact {retractionId: row.retractionId})
WITH row, old, old IS NULL AS isNew,
     old IS NOT NULL AND all(k IN keys(row.props) WHERE old[k] = row.props[k]) AND size(keys(old)) = size(keys(row.props)) AS same
FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END |
  MERGE (x:RetractedFact {retractionId: row.retractionId})
  SET x = row.props
)
RETURN row.retractionId AS id, CASE WHEN isNew THEN 'created' WHEN same THEN 'unchanged' ELSE 'updated' END AS status
