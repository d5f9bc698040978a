// Every entity's id, kind, name and aliases: what a new document's mentions are linked to.
// Parameters: none
// Returns: id, kind, name, aliases
// Mode: read
MATCH (e:Entity)
RETURN e.id AS id, e.kind AS kind, e.name AS name, coalesce(e.aliases, []) AS aliases
ORDER BY id
