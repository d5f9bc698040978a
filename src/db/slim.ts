/**
 * Slim rows as the queries return them: the properties a slim entity or fact reads
 * (what a selection that shows no more needs, see resolvers/selection.ts), as lists of
 * values in a fixed key order rather than maps, so no key name is sent on every row
 * (the keys were a fifth of the bytes of a page of 50 entities' links, and the query
 * took about 12% longer with them). The queries read the key lists as parameters
 * (SLIM_KEY_PARAMS for entities: entities/links, relationships/list,
 * dependencies/hop-facts, dependencies/subgraph; for facts, the one list their
 * projection needs, factKeys, or null for whole facts), so the order lives here only.
 */
import type { Plain } from './convert.js';

type Props = Record<string, Plain>;

const SLIM_ENTITY_KEYS = ['id', 'name', 'kind', 'sourceIds'] as const;
const SLIM_FACT_KEYS = ['id', 'item', 'claim', 'period', 'periodStart', 'periodEnd', 'nature', 'condition', 'note', 'sourceIds'] as const;
const FIGURE_KEYS = ['quantity', 'unit', 'metric', 'approximate', 'bound', 'measuredBy', 'changeValue', 'changeUnit', 'changeBasis', 'changeApproximate'] as const;
const SLIM_FIGURE_FACT_KEYS = [...SLIM_FACT_KEYS, ...FIGURE_KEYS];
/** A fact shown without its evidence: what it joins (its type and ends come appended). */
const BARE_FACT_KEYS = ['id', 'item'] as const;

/** How much of a fact a slim read brings: bare, slim, or slim with its figure. */
export type FactProjection = 'bare' | 'slim' | 'figures';
/** How facts shown with their evidence are read (links, pages of facts, hops): whole property maps, or slim with or without their figure. */
export type FactRead = 'whole' | 'slim' | 'figures';

const FACT_KEYS: Record<FactProjection, readonly string[]> = { bare: BARE_FACT_KEYS, slim: SLIM_FACT_KEYS, figures: SLIM_FIGURE_FACT_KEYS };

/** A query's fact key list ($factKeys, a subgraph's $edgeKeys): the properties a fact read so brings, in order; null for whole facts. */
export const factKeys = (read: FactProjection | 'whole'): readonly string[] | null => (read === 'whole' ? null : FACT_KEYS[read]);

/** The entity key list the queries take ($slimEntityKeys). */
export const SLIM_KEY_PARAMS = { slimEntityKeys: SLIM_ENTITY_KEYS };

// What the queries append: an entity's degree; a fact's type, from and to.
const ENTITY_ROW_KEYS = [...SLIM_ENTITY_KEYS, 'degree'];
const withEnds = (keys: readonly string[]) => [...keys, 'type', 'from', 'to'];
const FACT_ROW_KEYS: Record<FactProjection, readonly string[]> = {
  bare: withEnds(BARE_FACT_KEYS),
  slim: withEnds(SLIM_FACT_KEYS),
  figures: withEnds(SLIM_FIGURE_FACT_KEYS),
};

/** A map of `keys` to the values of a slim list, in order (a plain loop: this runs for every row). */
function fromValues(keys: readonly string[], values: Plain | undefined): Props {
  const list = values as Plain[];
  const props: Props = {};
  for (let i = 0; i < keys.length; i += 1) props[keys[i]!] = list[i] ?? null;
  return props;
}

/** A slim entity's properties from its list (the values of SLIM_ENTITY_KEYS, then its degree). */
export const slimEntityProps = (values: Plain | undefined): Props => fromValues(ENTITY_ROW_KEYS, values);

/** A fact's properties as a query read them: a whole map as it came, or a slim list (its keys' values, then type, from and to). */
export const factProps = (values: Plain | undefined, read: FactProjection | 'whole'): Props =>
  read === 'whole' ? (values as Props) : fromValues(FACT_ROW_KEYS[read], values);
