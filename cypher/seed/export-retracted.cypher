// Every retracted fact with all its stored properties, for `npm run export`
// (seed/retracted.yaml), oldest retraction first.
// Parameters: none
// Returns: props (map), ordered by retraction time and id
// Mode: read
MATCH (x:RetractedFact)
RETURN properties(x) AS props
ORDER BY x.retractedAt, x.retractionId
