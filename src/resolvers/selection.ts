/**
 * What an operation selects below a field, read from the resolver's info: whether any
 * field of the given names is asked for at any depth, through fragments and inline
 * fragments, under any alias. Conservative by design: a resolver may skip work only for
 * what is surely not selected (a directive such as @skip still counts as selected).
 */
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import type { LinksAlong } from '../context.js';
import type { SubgraphReads } from '../db/rows.js';
import type { FactRead } from '../db/slim.js';

export function selectsAnyOf(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, names: readonly string[]): boolean {
  const wanted = new Set(names);
  const visited = new Set<string>();
  const search = (set: SelectionSetNode | undefined): boolean => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        if (wanted.has(selection.name.value) || search(selection.selectionSet)) return true;
      } else if (selection.kind === 'InlineFragment') {
        if (search(selection.selectionSet)) return true;
      } else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        if (search(info.fragments[selection.name.value]?.selectionSet)) return true;
      }
    }
    return false;
  };
  return info.fieldNodes.some((node) => search(node.selectionSet));
}

/** True when the field's own selection (not one further down) shows `name`, through fragments too. */
export function selectsOwnField(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, name: string): boolean {
  return selectsPath(info, [name]);
}

/**
 * True when the field's selection shows the fields of `path` one below the other
 * (`['edges', 'node', 'sources']`), through fragments too.
 */
export function selectsPath(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, path: readonly string[]): boolean {
  let sets: readonly (SelectionSetNode | undefined)[] = info.fieldNodes.map((node) => node.selectionSet);
  for (const name of path) {
    const fields = fieldsOf(sets, info.fragments).filter((field) => field.name.value === name);
    if (fields.length === 0) return false;
    sets = fields.map((field) => field.selectionSet);
  }
  return path.length > 0;
}

/** Fields below a link or relationship that read a fact's sources. */
const SOURCE_FIELDS = ['sources', 'source', 'statedOn'] as const;
/** Fields of a fact that name entities. */
const END_FIELDS = ['from', 'to', 'item', 'measuredBy'] as const;

/** What a selection reads below the facts a field returns, besides the facts themselves. */
export interface ReadsBelow extends Required<LinksAlong> {
  /** Their sources (cited, referenced, their ends'). */
  sources: boolean;
  /** Their item entities. */
  item: boolean;
  /** Any entity they name (from, to, item, measurer). */
  ends: boolean;
}

/**
 * The fields of an entity that its slim properties (id, name, kind, the ids of the
 * sources it cites) and its degree answer.
 */
const SLIM_ENTITY_FIELDS = new Set(['__typename', 'id', 'name', 'kind', 'sources', 'degree']);
/**
 * The fields of a fact its slim properties answer (see links.cypher): what it joins,
 * its figure, claim, period, nature, condition, note and cited sources. The references
 * (each document's wording, kept in parallel lists) and the ends' own fields need more.
 */
const SLIM_FACT_FIELDS = new Set(['__typename', 'id', 'type', 'meaning', 'from', 'to', 'item', 'figure', 'evidence']);
const SLIM_EVIDENCE_FIELDS = new Set(['__typename', 'claim', 'period', 'nature', 'condition', 'sources', 'note']);

/** The fields selected directly in a selection set, through fragments and inline fragments. */
function fieldsOf(sets: readonly (SelectionSetNode | undefined)[], fragments: GraphQLResolveInfo['fragments']): FieldNode[] {
  const fields: FieldNode[] = [];
  const visited = new Set<string>();
  const collect = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') fields.push(selection);
      else if (selection.kind === 'InlineFragment') collect(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        collect(fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const set of sets) collect(set);
  return fields;
}

const within = (fields: readonly FieldNode[], allowed: ReadonlySet<string>) => fields.every((field) => allowed.has(field.name.value));

/** The fields selected directly below those of `fields` named one of `names`. */
const fieldsBelow = (fields: readonly FieldNode[], names: readonly string[], fragments: GraphQLResolveInfo['fragments']): FieldNode[] =>
  fieldsOf(
    fields.filter((field) => names.includes(field.name.value)).map((field) => field.selectionSet),
    fragments,
  );

/** Every field named one of `names` at any depth of the selection (not looking inside them), through fragments. */
function fieldsNamed(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, names: readonly string[]): FieldNode[] {
  const found: FieldNode[] = [];
  const visited = new Set<string>();
  const search = (set: SelectionSetNode | undefined): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        if (names.includes(selection.name.value)) found.push(selection);
        else search(selection.selectionSet);
      } else if (selection.kind === 'InlineFragment') search(selection.selectionSet);
      else if (!visited.has(selection.name.value)) {
        visited.add(selection.name.value);
        search(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) search(node.selectionSet);
  return found;
}

/** How facts showing `factFields` can be read: slim when they need no more than their slim properties, with their figure when they show it; else whole. */
function factReadOf(factFields: readonly FieldNode[], fragments: GraphQLResolveInfo['fragments']): FactRead {
  const slim = within(factFields, SLIM_FACT_FIELDS) && within(fieldsBelow(factFields, ['evidence'], fragments), SLIM_EVIDENCE_FIELDS);
  return !slim ? 'whole' : factFields.some((field) => field.name.value === 'figure') ? 'figures' : 'slim';
}

/**
 * Whether a link, relationship or figure field's selection needs no more of its facts
 * and of their other ends than their slim properties: then the links query reads only
 * those (decoding whole property maps was about a quarter of the app's CPU on a page of
 * links). The other ends are slim when every field that shows them (a link's `entity`,
 * a fact's `from` and `to`) shows no more than slim fields: the facts' ends then
 * resolve from the slim rows (Loaders.slimEntity, see endsOnlySlim), which never
 * answer the entity loader. A figure's measurer resolves through the entity loader, so
 * selecting it keeps the ends whole.
 */
export function slimBelow(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): { entity: boolean; fact: boolean } {
  const { entity, fact } = readsOfFacts(info);
  return { entity, fact: fact !== 'whole' };
}

/** slimBelow, with how the facts are read (whole, slim, or slim with their figure). */
function readsOfFacts(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): { entity: boolean; fact: FactRead } {
  const top = fieldsOf(
    info.fieldNodes.map((node) => node.selectionSet),
    info.fragments,
  );
  const below = (fields: readonly FieldNode[], name: string) => fieldsBelow(fields, [name], info.fragments);
  // A Link selects `entity` and `relationship`; a page of facts, `edges` (and their
  // `node`); a relationship or figure field, the fact itself.
  const isLink = top.some((field) => field.name.value === 'entity' || field.name.value === 'relationship');
  const isPage = top.some((field) => field.name.value === 'edges');
  const factFields = isLink ? below(top, 'relationship') : isPage ? below(below(top, 'edges'), 'node') : top;
  const entityFields = [...below(top, 'entity'), ...fieldsBelow(factFields, ['from', 'to'], info.fragments)];
  return { entity: within(entityFields, SLIM_ENTITY_FIELDS) && !selectsAnyOf(info, ['measuredBy']), fact: factReadOf(factFields, info.fragments) };
}

export type FieldKey = FieldNode | readonly FieldNode[];

/**
 * A per-field answer worked out once per field of a document: a field asked once is
 * keyed by its node, which the parsed document (cached by Apollo) keeps from request to
 * request and which the look-ahead (prefetch.ts) and the field's resolver share; a field
 * merged from several nodes, by graphql-js's list of them.
 */
export function perField<T>(cache: WeakMap<FieldKey, T>, info: Pick<GraphQLResolveInfo, 'fieldNodes'>, work: () => T): T {
  const key = info.fieldNodes.length === 1 ? info.fieldNodes[0]! : info.fieldNodes;
  let answer = cache.get(key);
  if (answer === undefined) {
    answer = work();
    cache.set(key, answer);
  }
  return answer;
}

const slimOnlyByField = new WeakMap<FieldKey, boolean>();

/**
 * Whether a field returning an entity (a fact's `from` or `to`) shows no more than the
 * slim fields (id, name, kind, sources, degree): then a slim row answers it.
 */
export function showsOnlySlimEntityFields(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): boolean {
  return perField(slimOnlyByField, info, () =>
    within(
      fieldsOf(
        info.fieldNodes.map((node) => node.selectionSet),
        info.fragments,
      ),
      SLIM_ENTITY_FIELDS,
    ),
  );
}

const readsByField = new WeakMap<FieldKey, ReadsBelow>();

/**
 * What a field's selection reads below the facts it returns, so that the one query
 * answering the field can bring it along.
 */
export function readsBelow(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): ReadsBelow {
  return perField(readsByField, info, () => {
    const slim = readsOfFacts(info);
    return {
      sources: selectsAnyOf(info, SOURCE_FIELDS),
      item: selectsAnyOf(info, ['item']),
      ends: selectsAnyOf(info, END_FIELDS),
      slimEntity: slim.entity,
      fact: slim.fact,
    };
  });
}

/** The fields of a fact its bare properties (id, item) with its type and ends answer. */
const BARE_FACT_FIELDS = new Set(['__typename', 'id', 'type', 'meaning', 'from', 'to', 'item']);

const subgraphByField = new WeakMap<FieldKey, SubgraphReads>();

/**
 * How much of a subgraph's nodes and edges its selection shows, so that its query reads
 * no more (a graph view shows ids, names and kinds: reading whole entities and facts for
 * it was three times the floor's Node time on 200 nodes and 390 edges). The nodes are
 * slim when neither they nor any edge's `from` or `to` show more than the slim entity
 * fields (the ends then resolve from the slim rows too, see relationship.ts); the edges
 * are bare without their evidence, slim when it shows only slim fields (with their
 * figure when the selection shows it).
 */
export function subgraphReads(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): SubgraphReads {
  return perField(subgraphByField, info, () => {
    const below = (fields: readonly FieldNode[], ...names: string[]) => fieldsBelow(fields, names, info.fragments);
    const top = fieldsOf(
      info.fieldNodes.map((node) => node.selectionSet),
      info.fragments,
    );
    const edgeFields = below(top, 'edges');
    const slimNodes = within(below(top, 'nodes'), SLIM_ENTITY_FIELDS) && within(below(edgeFields, 'from', 'to'), SLIM_ENTITY_FIELDS);
    const edges = within(edgeFields, BARE_FACT_FIELDS) ? 'bare' : factReadOf(edgeFields, info.fragments);
    return { slimNodes, edges };
  });
}

const hopFactsByField = new WeakMap<FieldKey, FactRead>();

/**
 * How the one query reading the hops' facts of a walk, path or exposure
 * (dependencies/hop-facts) reads them: slim when every hop's facts in the selection
 * (`relationships` under any `hops`, at any depth) show no more than their slim fields,
 * with their figure when they show it; else whole.
 */
export function hopFactReads(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): FactRead {
  return perField(hopFactsByField, info, () =>
    factReadOf(fieldsBelow(fieldsNamed(info, ['hops']), ['relationships'], info.fragments), info.fragments),
  );
}

const slimEntitiesByField = new WeakMap<FieldKey, boolean>();

/**
 * Whether every field named `names` in the selection, at any depth, shows no more than
 * the slim entity fields (a walk's `entity`, a path's `nodes`, a hop's `dependent` and
 * `provider`): then the entities a result's query reads along can be read slim. The
 * same field names are asked of one field only (the names are the caller's constant).
 */
export function entitiesSlimBelow(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>, names: readonly string[]): boolean {
  return perField(slimEntitiesByField, info, () =>
    fieldsNamed(info, names).every((field) => within(fieldsOf([field.selectionSet], info.fragments), SLIM_ENTITY_FIELDS)),
  );
}
