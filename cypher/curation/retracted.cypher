// Retracted facts, most recently retracted first; with $id, only that fact's retractions.
// Parameters: $id (or null), $limit
// Returns: retracted (properties)
// Mode: read
MATCH (x:RetractedFact)
WHERE $id IS NULL OR x.id = $id
RETURN properties(x) AS retracted
ORDER BY x.retractedAt DESC, x.retractionId DESC
LIMIT $limit
