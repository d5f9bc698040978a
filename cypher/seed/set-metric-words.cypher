// Sets `metricWords` on every fact with a metric, from the vocabulary's words for it, for
// facts stored before the property existed (the migration to schema version 3); the load
// that follows writes the same words on seeded facts anyway. One pass over the facts.
// Parameters: $words: map of metric key → list of words
// Returns: facts (count of facts set)
// Mode: write
MATCH ()-[r]->()
WHERE r.metric IS NOT NULL AND $words[r.metric] IS NOT NULL
SET r.metricWords = $words[r.metric]
RETURN count(r) AS facts
