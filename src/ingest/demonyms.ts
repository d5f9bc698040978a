/**
 * The adjectives (and nouns) of the countries and regions in the seed (seed/entities/
 * countries.yaml, regions.yaml), by entity id: "Canadian output", "Chinese exporters",
 * "European demand" name the country or region as surely as its name does. A demonym
 * links only to an entity the graph knows, only as written with its capital, and only
 * where it is not part of a longer name (mentions.ts: the longest name wins, so a known
 * company "Chinese Magnesium Trading" keeps its words, and extract.ts drops mentions
 * inside a new organisation's name such as "European Commission").
 */

/** Entity id → the forms that name it. The Chinese provinces and cities have none in English news. */
export const DEMONYMS: Readonly<Record<string, readonly string[]>> = {
  'country:china': ['Chinese'],
  'country:united-states': ['American', 'Americans', 'U.S.'],
  'country:russia': ['Russian'],
  'country:israel': ['Israeli'],
  'country:kazakhstan': ['Kazakh', 'Kazakhstani'],
  'country:south-korea': ['South Korean', 'Korean'],
  'country:japan': ['Japanese'],
  'country:germany': ['German'],
  'country:netherlands': ['Dutch'],
  'country:italy': ['Italian'],
  'country:turkey': ['Turkish'],
  'country:brazil': ['Brazilian'],
  'country:india': ['Indian'],
  'country:switzerland': ['Swiss'],
  'country:canada': ['Canadian', 'Canadians'],
  'country:united-kingdom': ['British'],
  'region:europe': ['European', 'Europeans'],
  'region:north-america': ['North American'],
  'region:east-asia': ['East Asian'],
  'region:asia': ['Asian'],
};

/**
 * Words before a demonym that make it another place's ("South American", "North Korean",
 * "Southeast Asian"): the longer forms the graph knows ("North American", "South Korean")
 * are matched before the short ones, so what is left after one of these words is not ours.
 */
export const NOT_AFTER = /(?:North|South|East|West|Central|Latin|Southeast|Southern|Northern|Eastern|Western)[\s-]+$/;

/** Words after a demonym that make it a name of something else ("Chinese New Year"). */
export const NOT_BEFORE = /^[\s-]+(?:New\s+Year|Ocean)\b/;

/** Demonyms of places the graph may not know, besides the table's: a name made of one is an adjective, not a name. */
const OTHER_DEMONYMS = ['African', 'Australian', 'Norwegian', 'French', 'Spanish', 'Mexican', 'Vietnamese', 'Indonesian', 'Korean', 'American', 'Asian', 'European'];
const ADJECTIVES = new Set([...Object.values(DEMONYMS).flat(), ...OTHER_DEMONYMS]);

/**
 * Whether a name the library found is only a demonym ("Latin American", "North Korean"):
 * the adjective of a place, which is not proposed as an entity.
 */
export function isDemonymOnly(name: string): boolean {
  const words = name.trim().split(/[\s-]+/);
  const last = words.pop()!;
  return ADJECTIVES.has(last) && words.every((w) => NOT_AFTER.test(`${w} `));
}
