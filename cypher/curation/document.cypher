// A taken-in document: its text and the mentions of known entities found in it.
// Parameters: $sourceId
// Returns: document (all its properties)
// Mode: read
MATCH (d:Document {sourceId: $sourceId})
RETURN d {.*} AS document
