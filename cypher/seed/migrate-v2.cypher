// Migration to schema version 2 (seed/load/version.ts): facts gained statements,
// scopes, conditions and measuring bodies, and lost `share`; several were merged or
// retyped. Seeded facts are removed so the load that follows writes each afresh from the
// seed (the seed is the only writer of seeded facts), and `fact_refs` is dropped so the
// constraints step recreates it over the new relationship type list. Idempotent.
// Parameters: none
// Returns: nothing
// Mode: write
// Statements: many (each ends with a semicolon and runs in its own transaction)

MATCH ()-[r]->() WHERE r.seeded = true DELETE r;
DROP INDEX fact_refs IF EXISTS;
