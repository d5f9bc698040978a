/**
 * Link fields in one query: every link field of a level (whatever its specs, page size
 * and filters) goes to the database together, with what the selection below reads
 * (the facts' sources, their items, the other ends), and an entity lookup starts its
 * link loads with its own. Checked on the seeded graph by the queries each request runs,
 * and against the same facts read one by one through `relationship(id)`.
 */
import { describe, expect, it } from 'vitest';
import { useTestApi } from './support/api.js';

const t = useTestApi();
const { query, counted } = t;

const FACT = `id type from { id name kind } to { id name kind } item { id name kind }
  evidence { claim nature sources { id title publisher date } references { source { id title } } }`;

const ENTITY_WITH_LINKS = `query ($id: ID!) {
  entity(id: $id) {
    id name
    relationships(first: 50) { ${FACT} }
    ... on Company {
      customers { entity { id name degree } relationship { ${FACT} } }
      cheapSuppliers: suppliers(first: 2) { entity { id } relationship { id } }
      ...suppliers
    }
  }
}
fragment suppliers on Company { suppliers { entity { id name degree } relationship { ${FACT} } } }`;

describe('Link fields in one query', () => {
  it('answers the same link field of the same entity, asked twice in one batch, once each, not twice', async () => {
    // Two lookups of one entity that differ only in whether they show its sources ask the
    // links query for the same entity and link request twice in one batch.
    const { seen, data } = await counted(`{
      plain: entity(id: "company:yimeitai") { id relationships(first: 50) { id } }
      cited: entity(id: "company:yimeitai") { id sources { id } relationships(first: 50) { id } }
    }`);
    expect(seen['entities/links']).toBe(1);
    const ids = (links: { id: string }[]) => links.map((link) => link.id);
    expect(ids(data.plain.relationships)).toEqual(ids(data.cited.relationships));
    expect(new Set(ids(data.plain.relationships)).size).toBe(data.plain.relationships.length);
    expect(data.plain.relationships.length).toBeGreaterThan(3);
  });

  it("reads an entity with its link fields, their ends, items and sources in one query", async () => {
    const { seen, data } = await counted(ENTITY_WITH_LINKS, { id: 'company:yimeitai' });
    // The entity and every link field below it (four loads: relationships, customers and
    // suppliers under two page sizes), with nothing left to load afterwards.
    expect(seen).toEqual({ 'entities/links': 1 });
    const entity = data.entity;
    expect(entity.relationships.length).toBeGreaterThan(3);
    expect(entity.customers.length).toBeGreaterThan(0);
    expect(entity.cheapSuppliers.map((l: any) => l.relationship.id)).toEqual(entity.suppliers.slice(0, 2).map((l: any) => l.relationship.id));

    // Each fact as its own lookup (relationships/by-ids, then the entity and source
    // loaders) answers exactly what came along with the links.
    const facts = [...entity.relationships, ...entity.customers.map((l: any) => l.relationship), ...entity.suppliers.map((l: any) => l.relationship)];
    const withItem = facts.filter((fact: any) => fact.item !== null);
    const referenced = facts.filter((fact: any) => fact.evidence.references.length > 0);
    expect(withItem.length).toBeGreaterThan(0);
    for (const fact of facts) {
      const one = await query(`query ($id: ID!) { relationship(id: $id) { ${FACT} } }`, { id: fact.id });
      expect(one.relationship, fact.id).toEqual(fact);
    }
    // Every link's other end is the entity as entity(id) gives it.
    for (const link of [...entity.customers, ...entity.suppliers]) {
      const one = await query('query ($id: ID!) { entity(id: $id) { id name degree } }', { id: link.entity.id });
      expect(one.entity).toEqual(link.entity);
    }
    expect(referenced.every((fact: any) => fact.evidence.references.every((ref: any) => ref.source.title))).toBe(true);
  });

  it("reads an entity's own sources with the entity when it shows them", async () => {
    const { seen, data } = await counted(`{
      entity(id: "company:yimeitai") { id sources { id title publisher date } relationships(first: 5) { id evidence { sources { id } } } }
    }`);
    expect(seen).toEqual({ 'entities/links': 1 });
    expect(data.entity.sources.length).toBeGreaterThan(0);
    for (const source of data.entity.sources) {
      expect((await query('query ($id: ID!) { source(id: $id) { id title publisher date } }', { id: source.id })).source).toEqual(source);
    }
    // Its sources without any link field: the same one query, with no link asked.
    const own = await counted('{ entity(id: "company:yimeitai") { id sources { id title publisher date } } }');
    expect(own.seen).toEqual({ 'entities/links': 1 });
    expect(own.data.entity).toEqual({ id: 'company:yimeitai', sources: data.entity.sources });
    const none = await counted('{ entity(id: "company:no-such-company") { id sources { id } } }');
    expect(none.seen).toEqual({ 'entities/links': 1 });
    expect(none.data.entity).toBeNull();
    // Without sources selected, the plain lookup.
    const plain = await counted('{ entity(id: "company:yimeitai") { id name } }');
    expect(plain.seen).toEqual({ 'entities/by-ids': 1 });
  });

  it('batches the link fields of a whole page of entities into one query', async () => {
    const { seen, data } = await counted(`{
      entities(filter: { kinds: [COMPANY] }, first: 8) {
        edges { node {
          id
          relationships(first: 3) { id from { id } to { id } evidence { sources { title } } }
          ... on Company { suppliers(first: 2) { entity { id } } customers(first: 2) { entity { id } } }
        } }
      }
    }`);
    expect(data.entities.edges).toHaveLength(8);
    expect(seen).toEqual({ 'entities/list': 1, 'entities/links': 1 });

    // The sources of the entities themselves come with the page, the ends' with the links.
    const withSources = await counted(`{
      entities(filter: { kinds: [COMPANY] }, first: 8) {
        edges { node { id sources { id } relationships(first: 3) { from { sources { id } } to { sources { id } } evidence { sources { id } } } } }
      }
    }`);
    expect(withSources.seen).toEqual({ 'entities/list': 1, 'entities/links': 1 });
    for (const { node } of withSources.data.entities.edges) {
      expect(node.sources, node.id).toEqual((await query('query ($id: ID!) { entity(id: $id) { sources { id } } }', { id: node.id })).entity.sources);
    }
    expect(withSources.data.entities.edges.every(({ node }: any) => node.sources.length > 0)).toBe(true);
    const ends = withSources.data.entities.edges.flatMap((edge: any) => edge.node.relationships.flatMap((r: any) => [r.from, r.to]));
    expect(ends.length).toBeGreaterThan(8);
    expect(ends.every((end: any) => end.sources.length > 0)).toBe(true);
  });

  it('starts no link load for a field the operation skips, and reads sources only when selected', async () => {
    const skipped = await counted(`query ($skip: Boolean!) { entity(id: "company:yimeitai") { id relationships @skip(if: $skip) { id } } }`, {
      skip: true,
    });
    expect(skipped.seen).toEqual({ 'entities/by-ids': 1 });
    expect(skipped.data.entity).toEqual({ id: 'company:yimeitai' });
    // The same document, not skipped: what the look-ahead keeps of a document is worked
    // out once, but the directives are read from each request's variables.
    const kept = await counted(`query ($skip: Boolean!) { entity(id: "company:yimeitai") { id relationships @skip(if: $skip) { id } } }`, { skip: false });
    expect(kept.seen).toEqual({ 'entities/links': 1 });
    expect(kept.data.entity.relationships.length).toBeGreaterThan(0);
    const SPREAD = `query ($with: Boolean!) { entity(id: "company:yimeitai") { id ...links @include(if: $with) } }
      fragment links on Entity { ... on Company { suppliers(first: 2) { entity { id } } } }`;
    for (const include of [false, true, false]) {
      const { seen, data } = await counted(SPREAD, { with: include });
      expect(seen, String(include)).toEqual(include ? { 'entities/links': 1 } : { 'entities/by-ids': 1 });
      expect(data.entity.suppliers === undefined, String(include)).toBe(!include);
    }

    // Without sources or items below the links, still one query for them.
    const bare = await counted('{ entity(id: "company:yimeitai") { relationships(first: 50) { id evidence { claim } } } }');
    expect(bare.seen).toEqual({ 'entities/links': 1 });
  });

  it('answers a lookup with link fields the same whether the entity has links, has none in the field, or is unknown', async () => {
    const LOOKUP = `query ($id: ID!) { entity(id: $id) { id name kind degree sources { id } ... on Company { suppliers(first: 5) { entity { id } } } relationships(first: 3) { id } } }`;
    const PLAIN = 'query ($id: ID!) { entity(id: $id) { id name kind degree sources { id } } }';
    // A company (suppliers apply), a country and a technology (they do not): the entity
    // as the plain lookup gives it, with its links.
    for (const id of ['company:magrathea', 'country:china', 'technology:pidgeon-process']) {
      const { seen, data } = await counted(LOOKUP, { id });
      expect(seen, id).toEqual({ 'entities/links': 1 });
      const plain = (await query(PLAIN, { id })).entity;
      expect(plain, id).not.toBeNull();
      const { suppliers, relationships, ...own } = data.entity;
      expect(own, id).toEqual(plain);
      expect(relationships.length, id).toBe(Math.min(3, plain.degree));
      if (id !== 'company:magrathea') expect(suppliers, id).toBeUndefined();
      else expect(suppliers.length).toBeGreaterThan(0);
    }
    // An entity whose link field is empty: the lookup still answers, from the same one query.
    const lonely = await counted('{ entity(id: "country:china") { id relationships(types: [LICENSES_TO], first: 5) { id } } }');
    expect(lonely.seen).toEqual({ 'entities/links': 1 });
    expect(lonely.data.entity.id).toBe('country:china');
    expect(lonely.data.entity.relationships).toEqual([]);
    // An id that names nothing: null, and nothing else asked.
    const unknown = await counted(LOOKUP, { id: 'company:no-such-company' });
    expect(unknown.seen).toEqual({ 'entities/links': 1 });
    expect(unknown.data.entity).toBeNull();
  });

  it('reads slim facts and ends when the selection shows no more, with the answers of whole ones', async () => {
    // The ends too: from and to show only slim fields, so they resolve from the slim rows.
    const SLIM_FACT = `id type meaning from { id name kind degree sources { id title } } to { id name } item { id name }
      evidence { claim nature condition note period { text start end } sources { id title publisher } }`;
    const { seen, data } = await counted(`{
      entity(id: "company:yimeitai") {
        relationships(first: 50) { ${SLIM_FACT} }
        ... on Company { customers { entity { id name kind degree sources { id } } relationship { ${SLIM_FACT} } } }
      }
    }`);
    expect(seen).toEqual({ 'entities/links': 1 });
    const facts = [...data.entity.relationships, ...data.entity.customers.map((l: any) => l.relationship)];
    expect(facts.length).toBeGreaterThan(5);
    for (const fact of facts) {
      expect(fact, fact.id).toEqual((await query(`query ($id: ID!) { relationship(id: $id) { ${SLIM_FACT} } }`, { id: fact.id })).relationship);
    }
    for (const link of data.entity.customers) {
      expect(link.entity).toEqual((await query('query ($id: ID!) { entity(id: $id) { id name kind degree sources { id } } }', { id: link.entity.id })).entity);
    }
  });

  it('never answers a whole entity from the slim one read with a link', async () => {
    // The customers' ends are read slim; the relationships' ends, whole, resolve through
    // the entity loader, which must hold the whole entity for the same customers.
    const WHOLE = 'id name kind aliases description degree formerIds sources { id }';
    const { data } = await counted(`{
      entity(id: "company:yimeitai") {
        ... on Company { customers { entity { id name } } }
        relationships(first: 50) { from { ${WHOLE} } to { ${WHOLE} } }
      }
    }`);
    const ends = data.entity.relationships.flatMap((r: any) => [r.from, r.to]);
    const customers = new Set(data.entity.customers.map((l: any) => l.entity.id));
    expect(ends.some((end: any) => customers.has(end.id))).toBe(true);
    for (const end of ends) {
      expect(end, end.id).toEqual((await query(`query ($id: ID!) { entity(id: $id) { ${WHOLE} } }`, { id: end.id })).entity);
    }
  });

  it('batches aliased lookups with link fields into one query', async () => {
    const { seen, data } = await counted(`{
      a: entity(id: "company:magrathea") { id ... on Company { suppliers(first: 3) { entity { id } } } }
      b: entity(id: "company:yimeitai") { id relationships(first: 3) { id } }
      c: entity(id: "company:no-such-company") { id relationships(first: 3) { id } }
    }`);
    expect(seen).toEqual({ 'entities/links': 1 });
    expect(data.a.id).toBe('company:magrathea');
    expect(data.a.suppliers.length).toBeGreaterThan(0);
    expect(data.b.relationships).toHaveLength(3);
    expect(data.c).toBeNull();
    const alone = await query('{ entity(id: "company:magrathea") { id ... on Company { suppliers(first: 3) { entity { id } } } } }');
    expect(alone.entity).toEqual(data.a);
  });

  it('reports a link field out of range as its resolver does, without a link query for it', async () => {
    const seen: string[] = [];
    const stop = t.db.onQuery((event) => void (event.query !== 'system/graph-version' && seen.push(event.query)));
    try {
      const response = await t.server.graphql('{ entity(id: "company:yimeitai") { id ... on Company { suppliers(first: 0) { entity { id } } } } }');
      expect(response.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.body.errors?.[0]?.path).toEqual(['entity', 'suppliers']);
    } finally {
      stop();
    }
    expect(seen).toEqual(['entities/by-ids']);
  });

  it('reads the ends and sources of a page of facts with the page', async () => {
    const bySource = await counted(`{
      relationships(filter: { sourceId: "smm-2025-09-16-us-supply-risk" }, first: 30) { totalCount edges { node { ${FACT} } } }
    }`);
    // The source is checked, and everything below the page read, with the page.
    expect(bySource.seen).toEqual({ 'relationships/list': 1 });
    const facts = bySource.data.relationships.edges.map((edge: any) => edge.node);
    expect(facts).toHaveLength(30);
    for (const fact of facts) {
      const one = await query(`query ($id: ID!) { relationship(id: $id) { ${FACT} } }`, { id: fact.id });
      expect(one.relationship, fact.id).toEqual(fact);
    }

    const trade = await counted(`{
      tradeFigures(place: "country:china", commodity: "commodity:magnesium-ingot") {
        edges { node { id from { name } to { name } figure { value measuredBy { id } } evidence { sources { title } } } }
      }
    }`);
    expect(trade.seen).toEqual({ 'relationships/list': 1 });
    expect(trade.data.tradeFigures.edges.length).toBeGreaterThan(0);

    // Slim facts and ends (selection.ts, slimBelow), figures and changes included: the
    // answers of whole ones, and still one query.
    const SLIM = `id type from { id name kind } to { id name degree } item { id name }
      figure { value unit unitName metric metricName approximate bound change { value unit basis approximate } }
      evidence { claim nature condition note period { text start end } sources { id title } }`;
    const slim = await counted(`{ tradeFigures(place: "country:china", first: 50) { totalCount edges { node { ${SLIM} } } } }`);
    expect(slim.seen).toEqual({ 'relationships/list': 1 });
    const figures = slim.data.tradeFigures.edges.map((edge: any) => edge.node);
    expect(figures.length).toBeGreaterThan(10);
    expect(figures.some((fact: any) => fact.figure.change !== null)).toBe(true);
    expect(figures.some((fact: any) => fact.item !== null)).toBe(true);
    for (const fact of figures) {
      const one = await query(`query ($id: ID!) { relationship(id: $id) { ${SLIM} } }`, { id: fact.id });
      expect(one.relationship, fact.id).toEqual(fact);
    }

    // Nothing below the page that names entities or sources: nothing read along, same page.
    const bare = await counted(`{ relationships(filter: { sourceId: "smm-2025-09-16-us-supply-risk" }, first: 30) { edges { node { id } } } }`);
    expect(bare.seen).toEqual({ 'relationships/list': 1 });
    expect(bare.data.relationships.edges.map((edge: any) => edge.node.id)).toEqual(facts.map((fact: any) => fact.id));
  });

  it('reads each side of a link by its own direction: a field one way, a BOTH field both ways, together in one query', async () => {
    // entities/links reads outgoing and incoming links in a branch each (direct-out,
    // direct-in); a BOTH spec (partners) takes both, a one-way field only its own.
    const { seen, data } = await counted(`{
      magrathea: entity(id: "company:magrathea") { ... on Company { partners { entity { id } relationship { type from { id } to { id } } } } }
      arkansas: entity(id: "company:arkansas-magnesium") { ... on Company { partners { entity { id } relationship { type from { id } to { id } } } } }
    }`);
    expect(seen).toEqual({ 'entities/links': 1 });
    const ends = (links: any[]) => links.map((l) => `${l.relationship.type} ${l.relationship.from.id} -> ${l.relationship.to.id}`).sort();
    // Magrathea is the fact's `from` in both; Arkansas Magnesium the `to` in both.
    expect(ends(data.magrathea.partners)).toEqual([
      'JOINT_VENTURE company:magrathea -> company:arkansas-magnesium',
      'PARTNERS_WITH company:magrathea -> company:wogen',
    ]);
    expect(ends(data.arkansas.partners)).toEqual([
      'JOINT_VENTURE company:magrathea -> company:arkansas-magnesium',
      'JOINT_VENTURE company:tetra-technologies -> company:arkansas-magnesium',
    ]);
    // One way only: every supplier's fact points at Magrathea, and its customers leave
    // out the partner it points to by a JOINT_VENTURE (not a customer's type).
    const magrathea = await query(`{ entity(id: "company:magrathea") { ... on Company {
      customers { entity { id } } suppliers { relationship { type to { id } } } } } }`);
    expect(magrathea.entity.customers.map((l: any) => l.entity.id)).not.toContain('company:arkansas-magnesium');
    for (const link of magrathea.entity.suppliers) expect(link.relationship.to.id).toBe('company:magrathea');
  });
});

describe('Entities read with the query that finds them', () => {
  const ENTITY = 'id name kind aliases description degree';
  const asLookedUp = async (entity: any) => (await query(`query ($id: ID!) { entity(id: $id) { ${ENTITY} } }`, { id: entity.id })).entity;

  it('search, entityByName and subgraph need no second query for their entities', async () => {
    const found = await counted(`{ search(query: "magnesium", first: 10) { entity { ${ENTITY} } } }`);
    expect(found.seen).toEqual({ 'entities/search': 1 });
    expect(found.data.search).toHaveLength(10);
    for (const hit of found.data.search) expect(hit.entity).toEqual(await asLookedUp(hit.entity));

    const named = await counted(`{ entityByName(name: "pidgeon method") { ${ENTITY} } }`);
    expect(named.seen).toEqual({ 'entities/by-name': 1 });
    expect(named.data.entityByName).toEqual(await asLookedUp({ id: 'technology:pidgeon-process' }));

    const graph = await counted(`{ subgraph(ids: ["company:yimeitai"], depth: 2) { nodes { ${ENTITY} } edges { id from { id } to { id } } } }`);
    // One query: the root checked, the nodes and the edges.
    expect(graph.seen).toEqual({ 'dependencies/subgraph': 1 });
    expect(graph.data.subgraph.nodes.length).toBeGreaterThan(5);
    for (const node of graph.data.subgraph.nodes.slice(0, 10)) expect(node).toEqual(await asLookedUp(node));
  });
});

describe('Dependency results read along', () => {
  it("reads a path's entities beside its facts, and the facts' sources and items with them", async () => {
    const { seen, data } = await counted(`{
      dependencyPaths(from: "company:bmw", to: "technology:pidgeon-process", k: 3) {
        nodes { id name }
        hops { dependent { id } provider { id } relationships { ${FACT} } }
      }
    }`);
    expect(data.dependencyPaths.length).toBeGreaterThan(0);
    // The ends with both first tiers, the search (and the walks for longer routes), then
    // the hops' facts with the routes' entities, sources and items: nothing after, and no
    // check of the ends of their own.
    expect(seen['dependencies/ends']).toBe(1);
    expect(seen['dependencies/hop-facts']).toBe(1);
    expect(seen['entities/by-ids']).toBeUndefined();
    expect(seen['sources/by-ids']).toBeUndefined();
    const facts = data.dependencyPaths.flatMap((path: any) => path.hops.flatMap((hop: any) => hop.relationships));
    expect(facts.some((fact: any) => fact.item !== null)).toBe(true);
    for (const fact of facts) {
      const one = await query(`query ($id: ID!) { relationship(id: $id) { ${FACT} } }`, { id: fact.id });
      expect(one.relationship, fact.id).toEqual(fact);
    }
  });

  it("loads a walk's entities only when the operation selects them", async () => {
    // The root comes with the walk, all its tiers in one query.
    const bare = await counted('{ upstream(id: "company:bmw", maxDepth: 3) { total tiers { tier total } } }');
    expect(bare.seen).toEqual({ 'dependencies/tiers': 1 });
    const named = await counted('{ upstream(id: "company:bmw", maxDepth: 3) { root { id name } total tiers { entities { entity { id name } } } } }');
    expect(named.seen).toEqual({ 'dependencies/tiers': 1, 'entities/by-ids': 1 });
    expect(named.data.upstream.total).toBe(bare.data.upstream.total);
  });
});
