// Constraints and indexes of the graph: one version stamp (GraphMeta, see
// seed/load/version.ts), a unique id per label and per relationship type, a full-text
// index over entity names, aliases and descriptions, `entity_keys` over each entity's
// normalised name keys (src/db/names.ts; keyword analyzer: each key one exact term),
// `fact_text` over the facts' own words (claims, every reference's claim, notes) and
// the words of their metric (`metricWords`) for fact search, and `fact_refs`, a full-text
// index of every relationship type on the fact's id, its sources and its item.
// `fact_refs` uses the keyword analyzer (each value is one exact, case-sensitive
// term), so `sourceIds:"…"`, `item:"…"` and `id:"…"` find facts by exact value without
// scanning every relationship: range indexes cover only one relationship type each.
// Every statement is idempotent (IF NOT EXISTS). A test keeps the labels and types
// here equal to the vocabulary in seed/vocabulary.ts.
// Parameters: none
// Returns: nothing
// Mode: write
// Statements: many (each ends with a semicolon and runs in its own transaction)

CREATE CONSTRAINT graph_meta_id IF NOT EXISTS FOR (n:GraphMeta) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT technology_id IF NOT EXISTS FOR (n:Technology) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT policy_id IF NOT EXISTS FOR (n:Policy) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT commodity_id IF NOT EXISTS FOR (n:Commodity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT product_id IF NOT EXISTS FOR (n:Product) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT sector_id IF NOT EXISTS FOR (n:Sector) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT supplies_id IF NOT EXISTS FOR ()-[r:SUPPLIES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT depends_on_id IF NOT EXISTS FOR ()-[r:DEPENDS_ON]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT produces_id IF NOT EXISTS FOR ()-[r:PRODUCES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT has_capacity_id IF NOT EXISTS FOR ()-[r:HAS_CAPACITY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT exports_id IF NOT EXISTS FOR ()-[r:EXPORTS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT exports_to_id IF NOT EXISTS FOR ()-[r:EXPORTS_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT imports_id IF NOT EXISTS FOR ()-[r:IMPORTS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT imports_from_id IF NOT EXISTS FOR ()-[r:IMPORTS_FROM]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT quotes_price_id IF NOT EXISTS FOR ()-[r:QUOTES_PRICE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT has_metric_id IF NOT EXISTS FOR ()-[r:HAS_METRIC]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT located_in_id IF NOT EXISTS FOR ()-[r:LOCATED_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT partners_with_id IF NOT EXISTS FOR ()-[r:PARTNERS_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT joint_venture_id IF NOT EXISTS FOR ()-[r:JOINT_VENTURE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT owns_id IF NOT EXISTS FOR ()-[r:OWNS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT licenses_to_id IF NOT EXISTS FOR ()-[r:LICENSES_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT develops_id IF NOT EXISTS FOR ()-[r:DEVELOPS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT uses_technology_id IF NOT EXISTS FOR ()-[r:USES_TECHNOLOGY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT made_from_id IF NOT EXISTS FOR ()-[r:MADE_FROM]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT used_in_id IF NOT EXISTS FOR ()-[r:USED_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT serves_sector_id IF NOT EXISTS FOR ()-[r:SERVES_SECTOR]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT funds_id IF NOT EXISTS FOR ()-[r:FUNDS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT supports_id IF NOT EXISTS FOR ()-[r:SUPPORTS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT participates_in_id IF NOT EXISTS FOR ()-[r:PARTICIPATES_IN]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT member_of_id IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT issued_by_id IF NOT EXISTS FOR ()-[r:ISSUED_BY]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT restricts_id IF NOT EXISTS FOR ()-[r:RESTRICTS]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT applies_to_id IF NOT EXISTS FOR ()-[r:APPLIES_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT complies_with_id IF NOT EXISTS FOR ()-[r:COMPLIES_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT in_dispute_with_id IF NOT EXISTS FOR ()-[r:IN_DISPUTE_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT reports_on_id IF NOT EXISTS FOR ()-[r:REPORTS_ON]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT competes_with_id IF NOT EXISTS FOR ()-[r:COMPETES_WITH]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT subject_to_id IF NOT EXISTS FOR ()-[r:SUBJECT_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT consumes_id IF NOT EXISTS FOR ()-[r:CONSUMES]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT has_resource_id IF NOT EXISTS FOR ()-[r:HAS_RESOURCE]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT alternative_to_id IF NOT EXISTS FOR ()-[r:ALTERNATIVE_TO]-() REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT relies_on_market_id IF NOT EXISTS FOR ()-[r:RELIES_ON_MARKET]-() REQUIRE r.id IS UNIQUE;
CREATE INDEX entity_name IF NOT EXISTS FOR (n:Entity) ON (n.name);
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:Entity) ON (n.kind);
CREATE FULLTEXT INDEX entity_search IF NOT EXISTS FOR (n:Entity) ON EACH [n.name, n.aliases, n.description];
CREATE FULLTEXT INDEX entity_keys IF NOT EXISTS FOR (n:Entity) ON EACH [n.nameKeys]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};
CREATE FULLTEXT INDEX fact_text IF NOT EXISTS FOR ()-[r:
  SUPPLIES|DEPENDS_ON|PRODUCES|HAS_CAPACITY|EXPORTS|EXPORTS_TO|IMPORTS|IMPORTS_FROM|
  QUOTES_PRICE|HAS_METRIC|LOCATED_IN|PARTNERS_WITH|JOINT_VENTURE|OWNS|LICENSES_TO|
  DEVELOPS|USES_TECHNOLOGY|MADE_FROM|USED_IN|SERVES_SECTOR|FUNDS|SUPPORTS|
  PARTICIPATES_IN|MEMBER_OF|ISSUED_BY|RESTRICTS|APPLIES_TO|COMPLIES_WITH|
  IN_DISPUTE_WITH|REPORTS_ON|COMPETES_WITH|SUBJECT_TO|CONSUMES|HAS_RESOURCE|
  ALTERNATIVE_TO|RELIES_ON_MARKET
]-() ON EACH [r.claim, r.refClaims, r.note, r.metricWords];
CREATE FULLTEXT INDEX fact_refs IF NOT EXISTS FOR ()-[r:
  SUPPLIES|DEPENDS_ON|PRODUCES|HAS_CAPACITY|EXPORTS|EXPORTS_TO|IMPORTS|IMPORTS_FROM|
  QUOTES_PRICE|HAS_METRIC|LOCATED_IN|PARTNERS_WITH|JOINT_VENTURE|OWNS|LICENSES_TO|
  DEVELOPS|USES_TECHNOLOGY|MADE_FROM|USED_IN|SERVES_SECTOR|FUNDS|SUPPORTS|
  PARTICIPATES_IN|MEMBER_OF|ISSUED_BY|RESTRICTS|APPLIES_TO|COMPLIES_WITH|
  IN_DISPUTE_WITH|REPORTS_ON|COMPETES_WITH|SUBJECT_TO|CONSUMES|HAS_RESOURCE|
  ALTERNATIVE_TO|RELIES_ON_MARKET
]-() ON EACH [r.id, r.sourceIds, r.item]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'keyword'}};
// Curated writes (src/curation/): the audit trail, idempotency keys, retracted facts
// (nodes joining nothing, outside every full-text index) and the redirects of merged ids.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
CREATE INDEX change_target IF NOT EXISTS FOR (n:Change) ON (n.targetId);
CREATE CONSTRAINT idempotency_key_id IF NOT EXISTS FOR (n:IdempotencyKey) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT retracted_fact_retraction IF NOT EXISTS FOR (n:RetractedFact) REQUIRE n.retractionId IS UNIQUE;
CREATE INDEX retracted_fact_id IF NOT EXISTS FOR (n:RetractedFact) ON (n.id);
CREATE CONSTRAINT entity_redirect_id IF NOT EXISTS FOR (n:EntityRedirect) REQUIRE n.id IS UNIQUE;
CREATE INDEX entity_redirect_to IF NOT EXISTS FOR (n:EntityRedirect) ON (n.to);
CREATE CONSTRAINT document_source IF NOT EXISTS FOR (n:Document) REQUIRE n.sourceId IS UNIQUE;
CREATE CONSTRAINT proposal_id IF NOT EXISTS FOR (n:Proposal) REQUIRE n.id IS UNIQUE;
CREATE INDEX proposal_status IF NOT EXISTS FOR (n:Proposal) ON (n.status);
