// Waits until every index is online, so queries right after a fresh load use them.
// Parameters: none
// Returns: nothing
// Mode: read
CALL db.awaitIndexes(300)
