/**
 * Limits on what one operation may ask for, enforced before execution so a rejected
 * operation never reaches the database: selection depth, alias count and an estimated
 * cost, checked once the operation and its variables are known. Introspection
 * (`__schema`, `__type`) is exempt so IDEs can load the schema.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  GraphQLError,
  type GraphQLField,
  getNullableType,
  GraphQLList,
  type GraphQLObjectType,
  type GraphQLSchema,
  isAbstractType,
  isObjectType,
  Kind,
  type SelectionSetNode,
  valueFromASTUntyped,
  visit,
} from 'graphql';
import type { Context } from './context.js';
import { ErrorCode } from './errors.js';

export const MAX_DEPTH = 12;
export const MAX_ALIASES = 30;
export const MAX_COST = 200_000;
/** The size assumed for a list field without a first/limit argument or a hint below. */
export const DEFAULT_LIST_SIZE = 10;

/** Lists whose size the schema bounds, or that are small by nature (Type.field → size). */
const LIST_SIZE_HINTS: Record<string, number> = {
  'DependencyPath.hops': 8,
  'DependencyPath.nodes': 9,
  'DependencyHop.relationships': 4,
  'Evidence.sources': 3,
  'ExposurePath.because': 3,
  'Exposure.direct': 5,
};
const ENTITY_SOURCES_SIZE = 3;

/** A walk's result: maxDepth tiers of at most perTier entities, paths of at most maxDepth hops. */
const walkSizes = (maxDepth: number, perTier: number) => ({ tiers: maxDepth, entities: perTier, hops: maxDepth, nodes: maxDepth + 1 });

/** Arguments of a field that size the lists in the object it returns (field → list name → size). */
const CHILD_LIST_SIZES: Record<string, (arg: (name: string) => number | undefined) => Record<string, number>> = {
  subgraph: (arg) => ({ nodes: arg('limit') ?? 100, edges: 2 * (arg('limit') ?? 100) }),
  upstream: (arg) => walkSizes(arg('maxDepth') ?? 3, arg('perTier') ?? 100),
  downstream: (arg) => walkSizes(arg('maxDepth') ?? 3, arg('perTier') ?? 100),
  dependencyPaths: (arg) => ({ hops: arg('maxLength') ?? 6, nodes: (arg('maxLength') ?? 6) + 1 }),
  exposure: (arg) => ({ paths: 20, hops: arg('maxDepth') ?? 4, nodes: (arg('maxDepth') ?? 4) + 1 }),
};
/** Extra cost of the graph walks, on top of their fields: they do the most database work. */
const WALK_COST: Record<string, number> = {
  upstream: 200,
  downstream: 200,
  dependencyPaths: 200,
  exposure: 200,
  subgraph: 200,
  search: 20,
  entities: 20,
  relationships: 20,
  tradeFigures: 20,
};

// A refused operation is the client's to fix: HTTP 400, as for invalid operations.
const limitError = (message: string, limit: string, max: number, actual: number) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.LIMIT_EXCEEDED, limit, max, actual, http: { status: 400 } } });

const isIntrospection = (node: FieldNode) => node.name.value.startsWith('__');

/** The deepest field nesting of a selection set, following fragments. */
function depthOf(
  selectionSet: SelectionSetNode | undefined,
  fragments: Record<string, FragmentDefinitionNode>,
  seen: Set<string>,
): number {
  if (!selectionSet) return 0;
  let deepest = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (isIntrospection(selection)) continue;
      deepest = Math.max(deepest, 1 + depthOf(selection.selectionSet, fragments, seen));
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen));
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (!fragment || seen.has(name)) continue; // unknown or cyclic: other rules report it
      deepest = Math.max(deepest, depthOf(fragment.selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return deepest;
}

interface CostInput {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function argumentNumber(node: FieldNode, name: string, variables: Record<string, unknown>): number | undefined {
  const argument = node.arguments?.find((a) => a.name.value === name);
  if (!argument) return undefined;
  const value = valueFromASTUntyped(argument.value, variables);
  return typeof value === 'number' ? value : undefined;
}

function fieldDefinition(parent: GraphQLObjectType, name: string): GraphQLField<unknown, unknown> | undefined {
  return parent.getFields()[name];
}

/** Whether a fragment with this type condition applies to objects of type `parent`. */
function appliesTo(condition: string | undefined, parent: GraphQLObjectType, schema: GraphQLSchema): boolean {
  if (!condition) return true;
  const type = schema.getType(condition);
  if (!type) return false;
  if (isObjectType(type)) return type.name === parent.name;
  return isAbstractType(type) && schema.isSubType(type, parent);
}

/**
 * Estimated cost: every field costs 1, times the sizes of the lists enclosing it. A list
 * field's size is its `first` or `limit` argument (or that argument's default), else
 * DEFAULT_LIST_SIZE; a connection's `first` sizes its `edges`. Fields of abstract types
 * are costed on the most expensive possible type.
 */
function costOf(
  selectionSet: SelectionSetNode | undefined,
  parents: readonly GraphQLObjectType[],
  input: CostInput,
  seen: Set<string>,
  childSizes: Record<string, number> = {},
): number {
  if (!selectionSet) return 0;
  let total = 0;
  for (const parent of parents) {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (isIntrospection(selection)) continue;
        const field = fieldDefinition(parent, selection.name.value);
        if (!field) continue;
        const argumentDefault = (name: string) => field.args.find((a) => a.name === name)?.defaultValue as number | undefined;
        const requested = (name: string) => argumentNumber(selection, name, input.variables) ?? argumentDefault(name);
        const named = getNamedType(field.type);
        const isList = getNullableType(field.type) instanceof GraphQLList;
        const name = selection.name.value;
        const hint =
          LIST_SIZE_HINTS[`${parent.name}.${name}`] ??
          (name === 'sources' && parent.getInterfaces().some((i) => i.name === 'Entity') ? ENTITY_SOURCES_SIZE : undefined);
        const size = isList
          ? (childSizes[name] ?? requested('first') ?? requested('limit') ?? requested('k') ?? hint ?? DEFAULT_LIST_SIZE)
          : 1;
        const children = isObjectType(named) ? [named] : isAbstractType(named) ? [...input.schema.getPossibleTypes(named)] : [];
        // Sizes set by an argument apply through the field's whole subtree (a walk's
        // perTier sizes its tiers' entities, two levels down).
        const sizes = named.name.endsWith('Connection')
          ? { ...childSizes, edges: requested('first') ?? DEFAULT_LIST_SIZE }
          : { ...childSizes, ...(CHILD_LIST_SIZES[name]?.(requested) ?? {}) };
        const childCost = costOf(selection.selectionSet, children, input, seen, sizes);
        cost += (WALK_COST[name] ?? 0) + Math.max(1, size) * (1 + childCost);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        if (!appliesTo(selection.typeCondition?.name.value, parent, input.schema)) continue;
        cost += costOf(selection.selectionSet, [parent], input, seen, childSizes);
      } else {
        const name = selection.name.value;
        const fragment = input.fragments[name];
        if (!fragment || seen.has(name) || !appliesTo(fragment.typeCondition.name.value, parent, input.schema)) continue;
        cost += costOf(fragment.selectionSet, [parent], input, new Set([...seen, name]), childSizes);
      }
    }
    total = Math.max(total, cost);
  }
  return total;
}

/** Aliased fields anywhere in the document (alias amplification repeats a costly field). */
function aliasCount(document: DocumentNode): number {
  let aliases = 0;
  visit(document, {
    Field(node) {
      if (node.alias) aliases += 1;
    },
  });
  return aliases;
}

/**
 * Checks the operation once it is resolved and its variables are known, before any
 * resolver runs: nesting depth, aliases, then estimated cost. One hook for all three, so
 * every limit is refused the same way, with the public LIMIT_EXCEEDED code.
 */
export function operationLimitsPlugin(
  limits: { depth: number; aliases: number; cost: number } = { depth: MAX_DEPTH, aliases: MAX_ALIASES, cost: MAX_COST },
): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, schema, request }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          }
          const depth = depthOf(operation.selectionSet, fragments, new Set());
          if (depth > limits.depth) {
            throw limitError(`The operation is nested ${depth} fields deep; at most ${limits.depth} is allowed.`, 'depth', limits.depth, depth);
          }
          const aliases = aliasCount(document);
          if (aliases > limits.aliases) {
            throw limitError(`The operation uses ${aliases} aliases; at most ${limits.aliases} are allowed.`, 'aliases', limits.aliases, aliases);
          }
          const root = operation.operation === 'query' ? schema.getQueryType() : null;
          if (!root) return;
          const cost = costOf(operation.selectionSet, [root], { schema, fragments, variables: request.variables ?? {} }, new Set());
          if (cost > limits.cost) {
            throw limitError(
              `The operation's estimated cost is ${cost}; at most ${limits.cost} is allowed. Ask for smaller pages (first, limit) or fewer nested lists.`,
              'cost',
              limits.cost,
              cost,
            );
          }
        },
      };
    },
  };
}
