/** Hostile documents from the reliability review, built at any size, for the analysis tests and the benchmark. */

/** `query{...F0} fragment F0 on Query{...F1 ...F1} … fragment Fk on Query{<leaf>}`: 2^k expansions of the leaf. */
export const fragmentBomb = (k: number, leaf: string) =>
  `query{...F0} ${Array.from({ length: k }, (_, i) => `fragment F${i} on Query{...F${i + 1} ...F${i + 1}}`).join(' ')} fragment F${k} on Query{${leaf}}`;

/** `aliases` copies of `entity{relationships(first:1){from{…}}}`, `levels` relationships deep: depth 2 × levels + 2. */
export const interfaceChain = (aliases: number, levels: number) => {
  let selection = 'id';
  for (let i = 0; i < levels; i += 1) selection = `relationships(first:1){from{${selection}}}`;
  return `{${Array.from({ length: aliases }, (_, i) => `a${i}: entity(id:"company:bmw"){${selection}}`).join(' ')}}`;
};

/** `count` directives, each on a copy of `__typename` (graphql merges the copies). */
export const directiveFlood = (count: number) => `{ ${'__typename @include(if: true) '.repeat(count)}}`;

/** About `count` tokens: one field selected again and again (graphql merges them). */
export const tokenFlood = (count: number) => `{ ${'__typename '.repeat(count)}}`;
