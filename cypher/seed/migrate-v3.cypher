// Migration to schema version 3 (seed/load/version.ts): `fact_text` also indexes the
// words of a fact's metric (`metricWords`). CREATE … IF NOT EXISTS leaves an index of the
// same name as it is, so the old one is dropped here and the constraints step that
// follows recreates it over the new property list. Idempotent.
// Parameters: none
// Returns: nothing
// Mode: write
// Statements: many (each ends with a semicolon and runs in its own transaction)

DROP INDEX fact_text IF EXISTS;
