// Every source document, newest first, undated ones last.
// Parameters: none
// Returns: source (properties)
// Mode: read
MATCH (s:Source)
RETURN s {.*} AS source
ORDER BY s.date IS NULL, s.date DESC, s.id
