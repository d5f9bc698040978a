/**
 * Measures an operation before it runs: nesting depth, aliases, directives and the
 * estimated cost (cost-model.ts), in time linear in the document.
 *
 * Why linear: a named fragment can be spread many times (`F0 { ...F1 ...F1 }`, 2^k
 * expansions from k small fragments), and a field of an interface type can be any of
 * its implementations. A walk that expands every spread, or branches into every
 * possible type at every `from`/`to`, takes exponential time on documents of a few
 * hundred bytes. So every selection set is measured once per (type, sizes set by its
 * ancestors) and memoised; a spread reuses the measure of its fragment; fields of an
 * interface are priced once on the interface, and only fragments with a narrower type
 * condition are compared per possible type (the costliest wins). Every unit of work is
 * a step, and a step budget stops the analysis, whatever the document, long before it
 * could hold the event loop.
 *
 * Each spread counts in full, although graphql-js executes a fragment spread twice in
 * one selection set only once: the estimate may be high, never low.
 */
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLCompositeType,
  type GraphQLField,
  GraphQLList,
  type GraphQLNamedType,
  type GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isLeafType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  valueFromASTUntyped,
  visit,
} from 'graphql';
import {
  type ArgumentReader,
  BASE_COST,
  connectionSizes,
  DESCENDANT_SIZES,
  LIST_SIZE_HINTS,
  SIZING_ARGUMENTS,
  UNSIZED_LIST,
} from './cost-model.js';

export interface Analysis {
  depth: number;
  aliases: number;
  directives: number;
  cost: number;
  /** Units of work the analysis took. */
  steps: number;
}

/** The analysis stopped: the document needs more steps than the budget allows. */
export class AnalysisBudgetExceeded extends Error {
  constructor(readonly budget: number) {
    super(`operation analysis exceeded ${budget} steps`);
    this.name = 'AnalysisBudgetExceeded';
  }
}

/** Costs stop growing here, so no product overflows to Infinity; anything this high is refused anyway. */
const COST_CAP = Number.MAX_SAFE_INTEGER;
const capped = (n: number) => Math.min(n, COST_CAP);

const isIntrospection = (node: FieldNode) => node.name.value.startsWith('__');
/** Introspection that graphql's own rule bounds: left out of depth and cost. `__typename` is an ordinary scalar. */
const isSchemaIntrospection = (node: FieldNode) => node.name.value === '__schema' || node.name.value === '__type';

/** Sizes set by ancestors' arguments (coordinate → size), with a key for the memo. */
interface Sizes {
  readonly map: ReadonlyMap<string, number>;
  readonly key: string;
}
const NO_SIZES: Sizes = { map: new Map(), key: '' };

function withSizes(sizes: Sizes, extra: Record<string, number>): Sizes {
  const entries = Object.entries(extra);
  if (entries.length === 0) return sizes;
  const map = new Map(sizes.map);
  for (const [coordinate, n] of entries) map.set(coordinate, n);
  const key = [...map.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([c, n]) => `${c}=${n}`)
    .join(',');
  return { map, key };
}

/** A price from a table keyed by coordinate, on the type itself or an interface it implements. */
function lookup<T>(table: Readonly<Record<string, T>>, type: GraphQLCompositeType, field: string): T | undefined {
  const own = table[`${type.name}.${field}`];
  if (own !== undefined || !(isObjectType(type) || isInterfaceType(type))) return own;
  for (const parent of type.getInterfaces()) {
    const inherited = table[`${parent.name}.${field}`];
    if (inherited !== undefined) return inherited;
  }
  return undefined;
}

class Analyzer {
  steps = 0;
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly depths = new Map<SelectionSetNode, number>();
  private readonly costs = new Map<SelectionSetNode, Map<string, number>>();
  private readonly active = new Set<SelectionSetNode>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
    private readonly variables: Readonly<Record<string, unknown>>,
    private readonly maxSteps: number,
  ) {
    for (const definition of document.definitions) {
      if (definition.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(definition.name.value, definition);
    }
  }

  private step(n = 1) {
    this.steps += n;
    if (this.steps > this.maxSteps) throw new AnalysisBudgetExceeded(this.maxSteps);
  }

  /** The deepest nesting of fields (introspection left out), following fragments. */
  depth(set: SelectionSetNode | undefined): number {
    if (!set) return 0;
    const known = this.depths.get(set);
    if (known !== undefined) return known;
    // A cycle: validation reports it; it must not hang the analysis.
    if (this.active.has(set)) return 0;
    this.active.add(set);
    let deepest = 0;
    for (const selection of set.selections) {
      this.step();
      if (selection.kind === Kind.FIELD) {
        if (!isIntrospection(selection)) deepest = Math.max(deepest, 1 + this.depth(selection.selectionSet));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        deepest = Math.max(deepest, this.depth(selection.selectionSet));
      } else {
        deepest = Math.max(deepest, this.depth(this.fragments.get(selection.name.value)?.selectionSet));
      }
    }
    this.active.delete(set);
    this.depths.set(set, deepest);
    return deepest;
  }

  /** The estimated cost of a selection set on objects of `type` (the costliest possible type when abstract). */
  cost(set: SelectionSetNode | undefined, type: GraphQLCompositeType, sizes: Sizes): number {
    if (!set) return 0;
    const key = `${type.name}|${sizes.key}`;
    let byKey = this.costs.get(set);
    const known = byKey?.get(key);
    if (known !== undefined) return known;
    if (this.active.has(set)) return 0;
    this.active.add(set);

    let common = 0;
    // Fragments whose type condition is narrower than `type`: they apply to some of its possible types only.
    const narrower: { type: GraphQLCompositeType; cost: number }[] = [];
    for (const selection of set.selections) {
      this.step();
      if (selection.kind === Kind.FIELD) {
        common = capped(common + this.fieldCost(selection, type, sizes));
        continue;
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : this.fragments.get(selection.name.value);
      if (!fragment) continue;
      const target = this.narrow(type, fragment.typeCondition?.name.value);
      if (!target) continue;
      const cost = this.cost(fragment.selectionSet, target, sizes);
      if (target === type) common = capped(common + cost);
      else narrower.push({ type: target, cost });
    }

    let costliest = 0;
    if (narrower.length > 0 && isAbstractType(type)) {
      for (const possible of this.schema.getPossibleTypes(type)) {
        this.step(narrower.length);
        let sum = 0;
        for (const branch of narrower) if (this.applies(branch.type, possible)) sum = capped(sum + branch.cost);
        costliest = Math.max(costliest, sum);
      }
    }
    const total = capped(common + costliest);
    this.active.delete(set);
    if (!byKey) this.costs.set(set, (byKey = new Map()));
    byKey.set(key, total);
    return total;
  }

  private fieldCost(node: FieldNode, parent: GraphQLCompositeType, sizes: Sizes): number {
    if (isSchemaIntrospection(node)) return 0;
    const name = node.name.value;
    if (name === '__typename') return 1;
    const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
    if (!field) return 0;
    const arg = this.argumentReader(node, field);
    const base = lookup(BASE_COST, parent, name) ?? 0;
    const named = getNamedType(field.type);
    if (isLeafType(named) || !isCompositeType(named)) return base + 1;
    const items = getNullableType(field.type) instanceof GraphQLList ? this.listSize(parent, name, field, arg, sizes) : 1;
    const coordinate = `${parent.name}.${name}`;
    const below = withSizes(sizes, { ...(DESCENDANT_SIZES[coordinate]?.(arg) ?? {}), ...connectionSizes(named.name, field, arg) });
    return capped(base + Math.max(1, items) * (1 + this.cost(node.selectionSet, named, below)));
  }

  private listSize(
    parent: GraphQLCompositeType,
    name: string,
    field: GraphQLField<unknown, unknown>,
    arg: ArgumentReader,
    sizes: Sizes,
  ): number {
    for (const sizing of SIZING_ARGUMENTS) {
      if (field.args.some((a) => a.name === sizing)) {
        const value = arg(sizing);
        if (value !== undefined) return value;
      }
    }
    const fromAncestor =
      sizes.map.get(`${parent.name}.${name}`) ??
      (isObjectType(parent) ? parent.getInterfaces().map((i) => sizes.map.get(`${i.name}.${name}`)).find((n) => n !== undefined) : undefined);
    return fromAncestor ?? lookup(LIST_SIZE_HINTS, parent, name) ?? UNSIZED_LIST;
  }

  private argumentReader(node: FieldNode, field: GraphQLField<unknown, unknown>): ArgumentReader {
    return (name) => {
      const argument = node.arguments?.find((a) => a.name.value === name);
      const value = argument ? valueFromASTUntyped(argument.value, this.variables as Record<string, unknown>) : undefined;
      if (typeof value === 'number') return value;
      const fallback = field.args.find((a) => a.name === name)?.defaultValue;
      return typeof fallback === 'number' ? fallback : undefined;
    };
  }

  /** The type a fragment's selection is measured on inside `parent`, or null when it never applies. */
  private narrow(parent: GraphQLCompositeType, condition: string | undefined): GraphQLCompositeType | null {
    if (condition === undefined || condition === parent.name) return parent;
    const type: GraphQLNamedType | undefined = this.schema.getType(condition);
    if (!type || !isCompositeType(type)) return null;
    if (isObjectType(parent)) return isAbstractType(type) && this.schema.isSubType(type, parent) ? parent : null;
    if (isObjectType(type)) return this.schema.isSubType(parent, type) ? type : null;
    // Two abstract types: the fragment applies everywhere when `parent` implements it, else where they overlap.
    if (isInterfaceType(parent) && parent.getInterfaces().some((i) => i.name === type.name)) return parent;
    const overlaps = this.schema.getPossibleTypes(parent).some((p) => this.schema.isSubType(type, p));
    return overlaps ? type : null;
  }

  private applies(target: GraphQLCompositeType, possible: GraphQLCompositeType): boolean {
    if (isObjectType(target)) return target === possible;
    return isAbstractType(target) && isObjectType(possible) && this.schema.isSubType(target, possible);
  }
}

/** Aliases and directives anywhere in the document: counted as written, so their number is bounded by its size. */
function countSyntax(document: DocumentNode): { aliases: number; directives: number } {
  let aliases = 0;
  let directives = 0;
  visit(document, {
    Field(node) {
      if (node.alias) aliases += 1;
    },
    Directive() {
      directives += 1;
    },
  });
  return { aliases, directives };
}

/**
 * Measures `operation` of `document`. Throws AnalysisBudgetExceeded when the document
 * needs more than `maxSteps` steps. The cost is measured only for queries (the schema
 * has no other root type).
 */
export function analyzeOperation(input: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation: OperationDefinitionNode;
  variables?: Readonly<Record<string, unknown>>;
  maxSteps: number;
}): Analysis {
  const { aliases, directives } = countSyntax(input.document);
  const analyzer = new Analyzer(input.schema, input.document, input.variables ?? {}, input.maxSteps);
  const depth = analyzer.depth(input.operation.selectionSet);
  const root = input.operation.operation === 'query' ? input.schema.getQueryType() : null;
  const cost = root ? analyzer.cost(input.operation.selectionSet, root, NO_SIZES) : 0;
  return { depth, aliases, directives, cost, steps: analyzer.steps };
}
