// The answer stored for an idempotency key (per curator), if any.
// Parameters: $id (the key's stored id: curator and key, hashed)
// Returns: requestHash, response (JSON), at
// Mode: read
MATCH (k:IdempotencyKey {id: $id})
RETURN k.requestHash AS requestHash, k.response AS response, k.at AS at
