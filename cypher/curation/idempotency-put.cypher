// Stores an idempotency key with a hash of its request and the answer given, in the
// write's own transaction: a retry after a lost answer finds it, or finds nothing written.
// Parameters: $id, $actor, $requestHash, $response (JSON), $at
// Returns: id
// Mode: write
CREATE (k:IdempotencyKey {id: $id, actor: $actor, requestHash: $requestHash, response: $response, at: $at})
RETURN k.id AS id
