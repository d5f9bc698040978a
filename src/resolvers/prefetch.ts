/**
 * Looking ahead from an entity-typed field: the link loads its selection will make,
 * read off the selection before any of them resolves. `entity(id)` asks for them with
 * the entity itself, in one query (Loaders.entityWithLinks); lookups that find their
 * entity some other way (by name) start them as soon as the id is known. The loads are
 * the resolvers' own (same loader keys, from linkLoadOf and readsBelow), so a link
 * field resolver finds its answer already loaded or on its way; anything the look-ahead
 * does not cover is loaded by the resolvers as before.
 */
import {
  type FieldNode,
  getArgumentValues,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  type GraphQLResolveInfo,
  isObjectType,
  type SelectionSetNode,
} from 'graphql';
import { type Context, type LinkLoad, linksKey } from '../context.js';
import { ENTITY_KINDS } from '../../seed/vocabulary.js';
import { linkLoadOf } from './entity.js';
import { readsBelow } from './selection.js';

type Info = Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments' | 'schema' | 'variableValues'>;

/** A field's selection: under every entity type when its type condition is the interface (or none). */
const ENTITY_TYPES: readonly string[] = ENTITY_KINDS;

const included = (node: FieldNode | { directives?: FieldNode['directives'] }, variables: Info['variableValues']) =>
  getDirectiveValues(GraphQLSkipDirective, node, variables)?.if !== true &&
  getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;

/**
 * The link loads an Entity-typed field's selection will make, as its resolvers make them
 * (same specs, page size and reads along), once each; fields skipped by @skip/@include
 * or with arguments out of range (their resolvers report them) are left out.
 */
export function linkLoadsBelow(info: Info): LinkLoad[] {
  const loads = new Map<string, LinkLoad>();
  const visit = (set: SelectionSetNode | undefined, types: readonly string[], seen: Set<string>): void => {
    for (const selection of set?.selections ?? []) {
      if (!included(selection, info.variableValues)) continue;
      if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet, narrow(types, selection.typeCondition?.name.value), seen);
      } else if (selection.kind === 'FragmentSpread') {
        const fragment = info.fragments[selection.name.value];
        if (!fragment || seen.has(fragment.name.value)) continue;
        visit(fragment.selectionSet, narrow(types, fragment.typeCondition.name.value), new Set([...seen, fragment.name.value]));
      } else {
        for (const typeName of types) add(selection, typeName);
      }
    }
  };
  const add = (node: FieldNode, typeName: string) => {
    const type = info.schema.getType(typeName);
    const field = isObjectType(type) ? type.getFields()[node.name.value] : undefined;
    if (!field) return;
    try {
      const load = linkLoadOf(typeName, node.name.value, getArgumentValues(field, node, info.variableValues));
      if (!load) return;
      const along = readsBelow({ fieldNodes: [node], fragments: info.fragments });
      // `relationships` is on every type: keyed as the loader keys it, it is one load.
      loads.set(linksKey(load.specs, load.limit, {}, along), { ...load, along });
    } catch {
      // Arguments out of range: the field's resolver reports them.
    }
  };
  visit(mergedSelection(info), ENTITY_TYPES, new Set());
  return [...loads.values()];
}

/** Starts the link loads of the entity ids' selection (an Entity-typed field's); never throws. */
export function prefetchLinks(info: Info, ids: readonly string[], { loaders }: Context): void {
  for (const { specs, limit, along } of linkLoadsBelow(info)) {
    for (const id of ids) loaders.links(specs, limit, {}, along).load(id).catch(() => undefined);
  }
}

/** The entity types a fragment's type condition keeps (the interface keeps them all). */
const narrow = (types: readonly string[], condition: string | undefined): readonly string[] =>
  condition === undefined || condition === 'Entity' ? types : types.filter((type) => type === condition);

const mergedSelection = (info: Info): SelectionSetNode => ({
  kind: 'SelectionSet' as SelectionSetNode['kind'],
  selections: info.fieldNodes.flatMap((node) => node.selectionSet?.selections ?? []),
});
