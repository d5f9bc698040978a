/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type Bound =
  | 'AT_LEAST'
  | 'AT_MOST';

export type ChangeBasis =
  /** Compound annual growth rate over the period. */
  | 'CAGR'
  /** Day on day. */
  | 'DOD'
  /** From the recent low. */
  | 'FROM_LOW'
  /** Month on month. */
  | 'MOM'
  /** Against a comparison the claim names. */
  | 'VS_BASELINE'
  /** Year on year. */
  | 'YOY';

export type ChangeInput = {
  approximate?: boolean | null | undefined;
  basis: ChangeBasis;
  unit: string;
  value: number;
};

/** Two different things an entity can depend on another for (schema/MODEL.md). */
export type Dependence =
  /**
   * A's sales rely on B buying: A RELIES_ON_MARKET B (stated outright); A EXPORTS_TO B; A
   * SUPPLIES B; A SERVES_SECTOR B; B IMPORTS_FROM A.
   */
  | 'MARKET'
  /**
   * A needs what B provides: B SUPPLIES A; A DEPENDS_ON B (stated outright); B EXPORTS_TO
   * A; A IMPORTS_FROM B; B LICENSES_TO A; B FUNDS A; A USES_TECHNOLOGY B; B DEVELOPS A; A
   * CONSUMES B; A is MADE_FROM B; B PRODUCES A.
   */
  | 'SUPPLY';

export type EntityKind =
  | 'COMMODITY'
  | 'COMPANY'
  | 'COUNTRY'
  | 'ORGANIZATION'
  | 'POLICY'
  | 'PRODUCT'
  | 'PROJECT'
  | 'REGION'
  | 'SECTOR'
  | 'TECHNOLOGY';

/** How searchFacts found a fact, best first. */
export type FactMatch =
  /**
   * It involves two or more of the entities the text names, counting its ends, its item and
   * a policy clause's scope (items, origins, destinations, end users, sectors, subjects):
   * "China Japan" finds the restriction on dual-use exports from China to Japan.
   */
  | 'INVOLVES'
  /** Both its ends are entities the text names, either way round ("BMW Germany": BMW LOCATED_IN Germany). */
  | 'LINKS'
  /** Its own words match the text (claims, every document's wording, note). */
  | 'WORDS';

export type FigureInput = {
  approximate?: boolean | null | undefined;
  bound?: Bound | null | undefined;
  change?: ChangeInput | null | undefined;
  /** The Organization or Company that measured it. */
  measuredBy?: string | number | null | undefined;
  /** What it measures, when the type alone does not say; each metric takes only some units. */
  metric?: Metric | null | undefined;
  /** A unit code: t, vehicle, unit, percent, percentage_point, kW/kg, kg/vehicle, USD, HKD, CNY/t, CNY/kg, ratio, count, year, V. */
  unit: string;
  value: number;
};

/** What a figure measures: a closed list, so one measure has one name across sources (seed/vocabulary.ts). */
export type Metric =
  /** output as a share of capacity */
  | 'CAPACITY_UTILISATION'
  /** content of the target per vehicle */
  | 'CONTENT_PER_VEHICLE'
  /** cost advantage over the comparison the claim names */
  | 'COST_ADVANTAGE'
  /** demand for the target */
  | 'DEMAND'
  /** duration */
  | 'DURATION'
  /** cut in emissions against the comparison the claim names */
  | 'EMISSIONS_REDUCTION'
  /** energy saved against the comparison the claim names */
  | 'ENERGY_SAVING'
  /** exports of all products of the target, together */
  | 'EXPORTS_ALL_PRODUCTS'
  /** money provided or committed */
  | 'FUNDING'
  /** content of the target in the subject */
  | 'MINERAL_CONTENT'
  /** share of the target owned */
  | 'OWNERSHIP_STAKE'
  /** number of partners */
  | 'PARTNER_COUNT'
  /** share of a market taken by the target */
  | 'PENETRATION_RATE'
  /** power per unit of mass */
  | 'POWER_DENSITY'
  /** price of the subject over the price of the target */
  | 'PRICE_RATIO'
  /** purchase intentions received */
  | 'PURCHASE_INTENTIONS'
  /** output of the sector's goods (vehicles, robots, appliances) */
  | 'SECTOR_OUTPUT'
  /** share of world output of the target commodity */
  | 'SHARE_OF_WORLD_OUTPUT'
  /** quantity the subject can supply per year */
  | 'SUPPLY_CAPABILITY'
  /** operating voltage */
  | 'VOLTAGE'
  /** weight saved against the comparison the claim names */
  | 'WEIGHT_REDUCTION';

/**
 * How certain a fact is, most certain first; a dependency path is as certain as its least
 * certain hop. Dependency answers follow REPORTED facts unless asked for more.
 */
export type Nature =
  /** Asserted by the party concerned (a maker, a developer) and not confirmed by the source. */
  | 'CLAIMED'
  /** A forecast or expectation. */
  | 'FORECAST'
  /** A non-binding intention. */
  | 'INTENT'
  /** A plan or target. */
  | 'PLAN'
  /** Reported as fact. */
  | 'REPORTED';

export type PathDirection =
  /** `to` depends on `from`: walk from `from` towards its dependents. */
  | 'DOWNSTREAM'
  /** `from` depends on `to`: walk from `from` towards its providers. */
  | 'UPSTREAM';

/** What a curator may change in a proposal before accepting it. */
export type ProposalEdits = {
  aliases?: Array<string> | null | undefined;
  claim?: string | null | undefined;
  description?: string | null | undefined;
  figure?: FigureInput | null | undefined;
  from?: string | number | null | undefined;
  /** The id to write it under, instead of the suggested one. */
  id?: string | number | null | undefined;
  item?: string | number | null | undefined;
  /** Entity proposals: its name, other spellings, and what it is, in the curator's words (required). */
  name?: string | null | undefined;
  nature?: Nature | null | undefined;
  note?: string | null | undefined;
  period?: string | null | undefined;
  to?: string | number | null | undefined;
  /**
   * Fact proposals: the type, ends, good, period, nature, claim (required), note and figure.
   * The figure replaces the proposed one, but keeps the proposed change unless it gives one
   * (null drops it); a proposal with only a change (its figure's value null) needs it.
   */
  type?: RelationshipType | null | undefined;
};

export type ProposalKind =
  /** A name the graph does not know: a company, an organisation or a place. */
  | 'ENTITY'
  /** A figure, proposed as a fact about the entities of its sentence. */
  | 'FACT';

export type ProposalStatus =
  | 'ACCEPTED'
  | 'PENDING'
  | 'REJECTED';

/** The relationship types of the graph (see schema/MODEL.md). */
export type RelationshipType =
  /** is offered as a substitute for */
  | 'ALTERNATIVE_TO'
  /** covers, without restricting it */
  | 'APPLIES_TO'
  /** competes with */
  | 'COMPETES_WITH'
  /** meets the requirements of */
  | 'COMPLIES_WITH'
  /** uses up as an input or is a consumer of */
  | 'CONSUMES'
  /** relies on, as the source states it outright */
  | 'DEPENDS_ON'
  /** develops, designs or launches */
  | 'DEVELOPS'
  /** ships abroad; with a quantity, the total over the period */
  | 'EXPORTS'
  /** ships the item to this destination */
  | 'EXPORTS_TO'
  /** provides money to */
  | 'FUNDS'
  /** can produce up to the quantity over the period */
  | 'HAS_CAPACITY'
  /** has a measured figure concerning the target */
  | 'HAS_METRIC'
  /** holds a deposit or resource of */
  | 'HAS_RESOURCE'
  /** brings in from abroad; with a quantity, the total over the period */
  | 'IMPORTS'
  /** brings the item in from this origin */
  | 'IMPORTS_FROM'
  /** is in a legal or regulatory dispute with */
  | 'IN_DISPUTE_WITH'
  /** was issued by */
  | 'ISSUED_BY'
  /** is a party to the joint venture */
  | 'JOINT_VENTURE'
  /** licenses a technology to */
  | 'LICENSES_TO'
  /** is based or situated in */
  | 'LOCATED_IN'
  /** is made from or contains */
  | 'MADE_FROM'
  /** belongs to */
  | 'MEMBER_OF'
  /** owns, wholly or in part */
  | 'OWNS'
  /** takes part in */
  | 'PARTICIPATES_IN'
  /** has a partnership or cooperation agreement with */
  | 'PARTNERS_WITH'
  /** makes; with a quantity, the output over the period */
  | 'PRODUCES'
  /** is the market where the item traded at the quoted price */
  | 'QUOTES_PRICE'
  /** sells mainly to, so its sales depend on the buyer (market dependence, not supply) */
  | 'RELIES_ON_MARKET'
  /** publishes the data or research the fact comes from */
  | 'REPORTS_ON'
  /** limits trade with, in or for */
  | 'RESTRICTS'
  /** sells into or works for the sector */
  | 'SERVES_SECTOR'
  /** falls under, or has entered, the law, regime or proceeding */
  | 'SUBJECT_TO'
  /** provides goods, equipment or services to */
  | 'SUPPLIES'
  /** manages, backs or administers without being the funder */
  | 'SUPPORTS'
  /** is used in */
  | 'USED_IN'
  /** uses or applies the technology */
  | 'USES_TECHNOLOGY';

/** The parts of a policy's scope (schema/MODEL.md, Policies and exposure). */
export type ScopeDimension =
  /** The receiving side of the hop is, or is located in, one of the destinations. */
  | 'DESTINATION'
  /** The receiving side, or an entity depending on it along the path, is or serves one of the end-user sectors. */
  | 'END_USER'
  /** The goods on the hop (its facts' items, or its ends that are goods) are among the clause's items or narrower. */
  | 'ITEM'
  /** The supplying side of the hop is, or is located in, one of the origins. */
  | 'ORIGIN'
  /** The supplying side is or serves one of the sectors. */
  | 'SECTOR'
  /** The hop's provider is an entity the clause binds by name. */
  | 'SUBJECT';

export type SearchMatch =
  /** The text is its name or an alias (case, punctuation and dropped suffixes aside). */
  | 'EXACT'
  /** Matched only approximately (a garbled or misspelt name). */
  | 'FUZZY'
  /**
   * The text names it together with other entities: read as consecutive names ("US
   * Magnesium Chapter 11" is US Magnesium + Chapter 11), each part is the name, an alias or
   * a short form of one entity exactly (as entityByName compares them), or the start (four
   * letters or more) of one entity's names only ("Yimei Tesla"). Stop words (of, the, and
   * …) between parts are dropped. Of the possible readings, the one with the fewest words
   * left over wins, then the fewest parts, then the fewest names typed in part; a reading
   * that leaves words over holds only if a fact between its entities has those words
   * ("China Japan dual-use"). A text that is one entity's name names that entity alone.
   * Hits come in the order typed; SearchHit.matched tells which part. An entity that
   * matches the whole text as well keeps that better match and comes once, except when the
   * text is nothing but full names ("China Japan"): then every entity it names is a PART
   * hit, and PART hits come before WORDS hits (Japan's description says China, but the
   * user typed two countries).
   */
  | 'PART'
  /** Its name or an alias starts with the text. */
  | 'PREFIX'
  /** Every word of the text starts a word of its name, aliases or description. */
  | 'WORDS';

/** What a write did, or with dryRun would do. */
export type WriteStatus =
  | 'CREATED'
  | 'MERGED'
  /** A proposal was rejected (nothing else changed). */
  | 'REJECTED'
  | 'RETRACTED'
  /** The write asked for what is already stored: nothing changed. */
  | 'UNCHANGED'
  | 'UPDATED';

type EntityCard_Commodity_Fragment = { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number };

type EntityCard_Company_Fragment = { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number };

type EntityCard_Country_Fragment = { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number };

type EntityCard_Organization_Fragment = { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number };

type EntityCard_Policy_Fragment = { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number };

type EntityCard_Product_Fragment = { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number };

type EntityCard_Project_Fragment = { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number };

type EntityCard_Region_Fragment = { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number };

type EntityCard_Sector_Fragment = { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number };

type EntityCard_Technology_Fragment = { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number };

export type EntityCardFragment =
  | EntityCard_Commodity_Fragment
  | EntityCard_Company_Fragment
  | EntityCard_Country_Fragment
  | EntityCard_Organization_Fragment
  | EntityCard_Policy_Fragment
  | EntityCard_Product_Fragment
  | EntityCard_Project_Fragment
  | EntityCard_Region_Fragment
  | EntityCard_Sector_Fragment
  | EntityCard_Technology_Fragment
;

export type EdgeBasicsFragment = { id: string, type: RelationshipType, from:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
  , to:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
  , figure: { value: number, unit: string, approximate: boolean, bound: Bound | null } | null, evidence: { nature: Nature, period: { text: string, start: string, end: string | null } } };

export type EdgeDetailsFragment = { meaning: string, id: string, type: RelationshipType, item:
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
   | null, figure: { value: number, unit: string, unitName: string, metric: Metric | null, metricName: string | null, approximate: boolean, bound: Bound | null } | null, evidence: { claim: string, nature: Nature, note: string | null, period: { text: string, end: string | null, start: string }, sources: Array<{ id: string, publisher: string, title: string, date: string | null, dateNote: string | null }> }, from:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
  , to:
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
    | { id: string }
   };

export type SuggestQueryVariables = Exact<{
  text: string;
  first: number;
  withFacts: boolean;
}>;


export type SuggestQuery = { search: Array<{ score: number, match: SearchMatch, matched: string, entity:
      | { id: string, kind: EntityKind, name: string, aliases: Array<string> }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string> }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string> }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string> }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string> }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string> }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string> }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string> }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string> }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string> }
     }>, facts?: Array<{ match: FactMatch, relationship: { id: string, type: RelationshipType, from:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
      , to:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
      , evidence: { claim: string } } }> };

export type EntityByNameQueryVariables = Exact<{
  name: string;
}>;


export type EntityByNameQuery = { entityByName:
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
   | null };

export type NeighbourhoodQueryVariables = Exact<{
  ids: Array<string | number> | string | number;
  depth: number;
  limit: number;
}>;


export type NeighbourhoodQuery = { subgraph: { truncated: boolean, nodes: Array<
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    >, edges: Array<{ meaning: string, id: string, type: RelationshipType, item:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       | null, figure: { value: number, unit: string, unitName: string, metric: Metric | null, metricName: string | null, approximate: boolean, bound: Bound | null } | null, evidence: { claim: string, nature: Nature, note: string | null, period: { text: string, end: string | null, start: string }, sources: Array<{ id: string, publisher: string, title: string, date: string | null, dateNote: string | null }> }, from:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , to:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
       }> } };

export type EntityDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type EntityDetailsQuery = { entity:
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number, sources: Array<{ id: string, publisher: string, title: string, date: string | null, dateNote: string | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number, sources: Array<{ id: string, publisher: string, title: string, date: string | null, dateNote: string | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number, sources: Array<{ id: string, publisher: string, title: string, date: string | null, dateNote: string | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number, sources: Array<{ id: string, publisher: string, title: string, date: string | null, dateNote: string | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number, sources: Array<{ id: string, publisher: string, title: string, date: string | null, dateNote: string | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number, sources: Array<{ id: string, publisher: string, title: string, date: string | null, dateNote: string | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number, sources: Array<{ id: string, publisher: string, title: string, date: string | null, dateNote: string | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number, sources: Array<{ id: string, publisher: string, title: string, date: string | null, dateNote: string | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number, sources: Array<{ id: string, publisher: string, title: string, date: string | null, dateNote: string | null }> }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number, sources: Array<{ id: string, publisher: string, title: string, date: string | null, dateNote: string | null }> }
   | null };

export type PathDetailsFragment = { length: number, dependence: Dependence, nature: Nature, nodes: Array<
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
  >, hops: Array<{ dependence: Dependence, nature: Nature, dependent:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
    , provider:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
    , relationships: Array<{ id: string, type: RelationshipType, evidence: { claim: string, nature: Nature, period: { text: string, start: string, end: string | null } }, from:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , to:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , figure: { value: number, unit: string, approximate: boolean, bound: Bound | null } | null }> }> };

export type PathsQueryVariables = Exact<{
  from: string | number;
  to: string | number;
  direction: PathDirection;
  dependence: Dependence;
  natures: Array<Nature> | Nature;
  asOf?: string | null | undefined;
}>;


export type PathsQuery = { dependencyPaths: Array<{ length: number, dependence: Dependence, nature: Nature, nodes: Array<
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    >, hops: Array<{ dependence: Dependence, nature: Nature, dependent:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , provider:
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
        | { id: string }
      , relationships: Array<{ id: string, type: RelationshipType, evidence: { claim: string, nature: Nature, period: { text: string, start: string, end: string | null } }, from:
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
        , figure: { value: number, unit: string, approximate: boolean, bound: Bound | null } | null }> }> }> };

export type TierDetailsFragment = { maxDepth: number, dependence: Dependence, total: number, root:
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
  , tiers: Array<{ tier: number, entities: Array<{ tier: number, nature: Nature, entity:
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      , path: { hops: Array<{ dependence: Dependence, nature: Nature, dependent:
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
          , provider:
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
           }> } }> }> };

export type UpstreamQueryVariables = Exact<{
  id: string | number;
  maxDepth: number;
  dependence: Dependence;
  natures: Array<Nature> | Nature;
  asOf?: string | null | undefined;
}>;


export type UpstreamQuery = { upstream: { maxDepth: number, dependence: Dependence, total: number, root:
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    , tiers: Array<{ tier: number, entities: Array<{ tier: number, nature: Nature, entity:
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        , path: { hops: Array<{ dependence: Dependence, nature: Nature, dependent:
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
            , provider:
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
             }> } }> }> } };

export type DownstreamQueryVariables = Exact<{
  id: string | number;
  maxDepth: number;
  dependence: Dependence;
  natures: Array<Nature> | Nature;
  asOf?: string | null | undefined;
}>;


export type DownstreamQuery = { downstream: { maxDepth: number, dependence: Dependence, total: number, root:
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    , tiers: Array<{ tier: number, entities: Array<{ tier: number, nature: Nature, entity:
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        , path: { hops: Array<{ dependence: Dependence, nature: Nature, dependent:
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
            , provider:
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
              | { id: string }
             }> } }> }> } };

export type FactQueryVariables = Exact<{
  id: string | number;
}>;


export type FactQuery = { relationship: { meaning: string, id: string, type: RelationshipType, item:
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
     | null, figure: { value: number, unit: string, unitName: string, metric: Metric | null, metricName: string | null, approximate: boolean, bound: Bound | null } | null, evidence: { claim: string, nature: Nature, note: string | null, period: { text: string, end: string | null, start: string }, sources: Array<{ id: string, publisher: string, title: string, date: string | null, dateNote: string | null }> }, from:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
    , to:
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
      | { id: string }
     } | null };

export type HopFactsQueryVariables = Exact<{
  from: string | number;
  to: string | number;
  dependence: Dependence;
  natures: Array<Nature> | Nature;
  asOf?: string | null | undefined;
}>;


export type HopFactsQuery = { dependencyPaths: Array<{ hops: Array<{ relationships: Array<{ id: string, type: RelationshipType, from:
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
        , to:
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
          | { id: string }
        , figure: { value: number, unit: string, approximate: boolean, bound: Bound | null } | null, evidence: { nature: Nature, period: { text: string, start: string, end: string | null } } }> }> }> };

export type ExposedToQueryVariables = Exact<{
  country?: string | number | null | undefined;
  policy?: string | number | null | undefined;
  maxDepth: number;
  dependence: Dependence;
  natures: Array<Nature> | Nature;
  asOf?: string | null | undefined;
}>;


export type ExposedToQuery = { exposedTo: { dependence: Dependence, total: number, through:
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
    , entities: Array<{ distance: number, entity:
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
      , at:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
      , path: { nature: Nature, nodes: Array<
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
          | { id: string, kind: EntityKind, name: string, aliases: Array<string>, description: string, degree: number }
        >, hops: Array<{ dependence: Dependence, nature: Nature, dependent:
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
          , provider:
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
            | { id: string }
           }> }, scope: Array<{ matched: Array<ScopeDimension>, unverified: Array<ScopeDimension>, clause: { id: string } }> }> } };

export type ProposalCardFragment = { id: string, kind: ProposalKind, status: ProposalStatus, passage: string, passageStart: number, passageEnd: number, start: number, end: number, name: string | null, entityKind: EntityKind | null, suggestedId: string, factType: RelationshipType | null, fromNewName: string | null, period: string | null, nature: Nature | null, reviewNote: string | null, decidedAt: string | null, decidedBy: string | null, note: string | null, resultId: string | null, source: { id: string, publisher: string, title: string, date: string | null, dateNote: string | null, url: string | null }, from:
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
   | null, to:
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
   | null, figure: { value: number | null, unit: string | null, approximate: boolean, bound: Bound | null, change: { value: number, unit: string, basis: ChangeBasis } | null, otherChanges: Array<{ value: number, unit: string, basis: ChangeBasis }> } | null };

export type ProposalQueueQueryVariables = Exact<{
  status?: ProposalStatus | null | undefined;
  first: number;
}>;


export type ProposalQueueQuery = { proposals: Array<{ id: string, kind: ProposalKind, status: ProposalStatus, passage: string, passageStart: number, passageEnd: number, start: number, end: number, name: string | null, entityKind: EntityKind | null, suggestedId: string, factType: RelationshipType | null, fromNewName: string | null, period: string | null, nature: Nature | null, reviewNote: string | null, decidedAt: string | null, decidedBy: string | null, note: string | null, resultId: string | null, source: { id: string, publisher: string, title: string, date: string | null, dateNote: string | null, url: string | null }, from:
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
     | null, to:
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
     | null, figure: { value: number | null, unit: string | null, approximate: boolean, bound: Bound | null, change: { value: number, unit: string, basis: ChangeBasis } | null, otherChanges: Array<{ value: number, unit: string, basis: ChangeBasis }> } | null }> };

export type DocumentTextQueryVariables = Exact<{
  sourceId: string | number;
}>;


export type DocumentTextQuery = { document: { text: string, receivedAt: string, receivedBy: string, mentions: Array<{ text: string, start: number, end: number, entity:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       }> } | null };

export type DecisionFragment = { status: WriteStatus, replayed: boolean, dryRun: boolean, proposal: { id: string, kind: ProposalKind, status: ProposalStatus, passage: string, passageStart: number, passageEnd: number, start: number, end: number, name: string | null, entityKind: EntityKind | null, suggestedId: string, factType: RelationshipType | null, fromNewName: string | null, period: string | null, nature: Nature | null, reviewNote: string | null, decidedAt: string | null, decidedBy: string | null, note: string | null, resultId: string | null, source: { id: string, publisher: string, title: string, date: string | null, dateNote: string | null, url: string | null }, from:
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
     | null, to:
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
     | null, figure: { value: number | null, unit: string | null, approximate: boolean, bound: Bound | null, change: { value: number, unit: string, basis: ChangeBasis } | null, otherChanges: Array<{ value: number, unit: string, basis: ChangeBasis }> } | null } | null, entity:
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
    | { id: string, name: string }
   | null, relationship: { id: string, type: RelationshipType } | null, changes: Array<{ action: string, targetKind: string, targetId: string, fields: Array<string> }> };

export type AcceptProposalMutationVariables = Exact<{
  id: string | number;
  edits?: ProposalEdits | null | undefined;
  dryRun: boolean;
  idempotencyKey?: string | null | undefined;
}>;


export type AcceptProposalMutation = { acceptProposal: { status: WriteStatus, replayed: boolean, dryRun: boolean, proposal: { id: string, kind: ProposalKind, status: ProposalStatus, passage: string, passageStart: number, passageEnd: number, start: number, end: number, name: string | null, entityKind: EntityKind | null, suggestedId: string, factType: RelationshipType | null, fromNewName: string | null, period: string | null, nature: Nature | null, reviewNote: string | null, decidedAt: string | null, decidedBy: string | null, note: string | null, resultId: string | null, source: { id: string, publisher: string, title: string, date: string | null, dateNote: string | null, url: string | null }, from:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       | null, to:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       | null, figure: { value: number | null, unit: string | null, approximate: boolean, bound: Bound | null, change: { value: number, unit: string, basis: ChangeBasis } | null, otherChanges: Array<{ value: number, unit: string, basis: ChangeBasis }> } | null } | null, entity:
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
     | null, relationship: { id: string, type: RelationshipType } | null, changes: Array<{ action: string, targetKind: string, targetId: string, fields: Array<string> }> } };

export type RejectProposalMutationVariables = Exact<{
  id: string | number;
  reason: string;
  dryRun: boolean;
  idempotencyKey?: string | null | undefined;
}>;


export type RejectProposalMutation = { rejectProposal: { status: WriteStatus, replayed: boolean, dryRun: boolean, proposal: { id: string, kind: ProposalKind, status: ProposalStatus, passage: string, passageStart: number, passageEnd: number, start: number, end: number, name: string | null, entityKind: EntityKind | null, suggestedId: string, factType: RelationshipType | null, fromNewName: string | null, period: string | null, nature: Nature | null, reviewNote: string | null, decidedAt: string | null, decidedBy: string | null, note: string | null, resultId: string | null, source: { id: string, publisher: string, title: string, date: string | null, dateNote: string | null, url: string | null }, from:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       | null, to:
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
        | { id: string, name: string }
       | null, figure: { value: number | null, unit: string | null, approximate: boolean, bound: Bound | null, change: { value: number, unit: string, basis: ChangeBasis } | null, otherChanges: Array<{ value: number, unit: string, basis: ChangeBasis }> } | null } | null, entity:
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
      | { id: string, name: string }
     | null, relationship: { id: string, type: RelationshipType } | null, changes: Array<{ action: string, targetKind: string, targetId: string, fields: Array<string> }> } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}
export const EdgeBasicsFragmentDoc = new TypedDocumentString(`
    fragment EdgeBasics on Relationship {
  id
  type
  from {
    id
  }
  to {
    id
  }
  figure {
    value
    unit
    approximate
    bound
  }
  evidence {
    nature
    period {
      text
      start
      end
    }
  }
}
    `, {"fragmentName":"EdgeBasics"}) as unknown as TypedDocumentString<EdgeBasicsFragment, unknown>;
export const EdgeDetailsFragmentDoc = new TypedDocumentString(`
    fragment EdgeDetails on Relationship {
  ...EdgeBasics
  meaning
  item {
    id
    name
  }
  figure {
    value
    unit
    unitName
    metric
    metricName
    approximate
    bound
  }
  evidence {
    claim
    nature
    note
    period {
      text
      end
    }
    sources {
      id
      publisher
      title
      date
      dateNote
    }
  }
}
    fragment EdgeBasics on Relationship {
  id
  type
  from {
    id
  }
  to {
    id
  }
  figure {
    value
    unit
    approximate
    bound
  }
  evidence {
    nature
    period {
      text
      start
      end
    }
  }
}`, {"fragmentName":"EdgeDetails"}) as unknown as TypedDocumentString<EdgeDetailsFragment, unknown>;
export const EntityCardFragmentDoc = new TypedDocumentString(`
    fragment EntityCard on Entity {
  id
  kind
  name
  aliases
  description
  degree
}
    `, {"fragmentName":"EntityCard"}) as unknown as TypedDocumentString<EntityCardFragment, unknown>;
export const PathDetailsFragmentDoc = new TypedDocumentString(`
    fragment PathDetails on DependencyPath {
  length
  dependence
  nature
  nodes {
    ...EntityCard
  }
  hops {
    dependent {
      id
    }
    provider {
      id
    }
    dependence
    nature
    relationships {
      ...EdgeBasics
      evidence {
        claim
      }
    }
  }
}
    fragment EntityCard on Entity {
  id
  kind
  name
  aliases
  description
  degree
}
fragment EdgeBasics on Relationship {
  id
  type
  from {
    id
  }
  to {
    id
  }
  figure {
    value
    unit
    approximate
    bound
  }
  evidence {
    nature
    period {
      text
      start
      end
    }
  }
}`, {"fragmentName":"PathDetails"}) as unknown as TypedDocumentString<PathDetailsFragment, unknown>;
export const TierDetailsFragmentDoc = new TypedDocumentString(`
    fragment TierDetails on DependencyTiers {
  root {
    ...EntityCard
  }
  maxDepth
  dependence
  total
  tiers {
    tier
    entities {
      tier
      nature
      entity {
        ...EntityCard
      }
      path {
        hops {
          dependent {
            id
          }
          provider {
            id
          }
          dependence
          nature
        }
      }
    }
  }
}
    fragment EntityCard on Entity {
  id
  kind
  name
  aliases
  description
  degree
}`, {"fragmentName":"TierDetails"}) as unknown as TypedDocumentString<TierDetailsFragment, unknown>;
export const ProposalCardFragmentDoc = new TypedDocumentString(`
    fragment ProposalCard on Proposal {
  id
  kind
  status
  source {
    id
    publisher
    title
    date
    dateNote
    url
  }
  passage
  passageStart
  passageEnd
  start
  end
  name
  entityKind
  suggestedId
  factType
  from {
    id
    name
  }
  fromNewName
  to {
    id
    name
  }
  figure {
    value
    unit
    approximate
    bound
    change {
      value
      unit
      basis
    }
    otherChanges {
      value
      unit
      basis
    }
  }
  period
  nature
  reviewNote
  decidedAt
  decidedBy
  note
  resultId
}
    `, {"fragmentName":"ProposalCard"}) as unknown as TypedDocumentString<ProposalCardFragment, unknown>;
export const DecisionFragmentDoc = new TypedDocumentString(`
    fragment Decision on ProposalDecision {
  status
  replayed
  dryRun
  proposal {
    ...ProposalCard
  }
  entity {
    id
    name
  }
  relationship {
    id
    type
  }
  changes {
    action
    targetKind
    targetId
    fields
  }
}
    fragment ProposalCard on Proposal {
  id
  kind
  status
  source {
    id
    publisher
    title
    date
    dateNote
    url
  }
  passage
  passageStart
  passageEnd
  start
  end
  name
  entityKind
  suggestedId
  factType
  from {
    id
    name
  }
  fromNewName
  to {
    id
    name
  }
  figure {
    value
    unit
    approximate
    bound
    change {
      value
      unit
      basis
    }
    otherChanges {
      value
      unit
      basis
    }
  }
  period
  nature
  reviewNote
  decidedAt
  decidedBy
  note
  resultId
}`, {"fragmentName":"Decision"}) as unknown as TypedDocumentString<DecisionFragment, unknown>;
export const SuggestDocument = new TypedDocumentString(`
    query Suggest($text: String!, $first: Int!, $withFacts: Boolean!) {
  search(query: $text, first: $first) {
    score
    match
    matched
    entity {
      id
      kind
      name
      aliases
    }
  }
  facts: searchFacts(query: $text, first: 3) @include(if: $withFacts) {
    match
    relationship {
      id
      type
      from {
        id
        name
      }
      to {
        id
        name
      }
      evidence {
        claim
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SuggestQuery, SuggestQueryVariables>;
export const EntityByNameDocument = new TypedDocumentString(`
    query EntityByName($name: String!) {
  entityByName(name: $name) {
    ...EntityCard
  }
}
    fragment EntityCard on Entity {
  id
  kind
  name
  aliases
  description
  degree
}`) as unknown as TypedDocumentString<EntityByNameQuery, EntityByNameQueryVariables>;
export const NeighbourhoodDocument = new TypedDocumentString(`
    query Neighbourhood($ids: [ID!]!, $depth: Int!, $limit: Int!) {
  subgraph(ids: $ids, depth: $depth, limit: $limit) {
    truncated
    nodes {
      ...EntityCard
    }
    edges {
      ...EdgeDetails
    }
  }
}
    fragment EntityCard on Entity {
  id
  kind
  name
  aliases
  description
  degree
}
fragment EdgeBasics on Relationship {
  id
  type
  from {
    id
  }
  to {
    id
  }
  figure {
    value
    unit
    approximate
    bound
  }
  evidence {
    nature
    period {
      text
      start
      end
    }
  }
}
fragment EdgeDetails on Relationship {
  ...EdgeBasics
  meaning
  item {
    id
    name
  }
  figure {
    value
    unit
    unitName
    metric
    metricName
    approximate
    bound
  }
  evidence {
    claim
    nature
    note
    period {
      text
      end
    }
    sources {
      id
      publisher
      title
      date
      dateNote
    }
  }
}`) as unknown as TypedDocumentString<NeighbourhoodQuery, NeighbourhoodQueryVariables>;
export const EntityDetailsDocument = new TypedDocumentString(`
    query EntityDetails($id: ID!) {
  entity(id: $id) {
    ...EntityCard
    sources {
      id
      publisher
      title
      date
      dateNote
    }
  }
}
    fragment EntityCard on Entity {
  id
  kind
  name
  aliases
  description
  degree
}`) as unknown as TypedDocumentString<EntityDetailsQuery, EntityDetailsQueryVariables>;
export const PathsDocument = new TypedDocumentString(`
    query Paths($from: ID!, $to: ID!, $direction: PathDirection!, $dependence: Dependence!, $natures: [Nature!]!, $asOf: LocalDate) {
  dependencyPaths(
    from: $from
    to: $to
    k: 1
    direction: $direction
    dependence: $dependence
    natures: $natures
    asOf: $asOf
  ) {
    ...PathDetails
  }
}
    fragment EntityCard on Entity {
  id
  kind
  name
  aliases
  description
  degree
}
fragment EdgeBasics on Relationship {
  id
  type
  from {
    id
  }
  to {
    id
  }
  figure {
    value
    unit
    approximate
    bound
  }
  evidence {
    nature
    period {
      text
      start
      end
    }
  }
}
fragment PathDetails on DependencyPath {
  length
  dependence
  nature
  nodes {
    ...EntityCard
  }
  hops {
    dependent {
      id
    }
    provider {
      id
    }
    dependence
    nature
    relationships {
      ...EdgeBasics
      evidence {
        claim
      }
    }
  }
}`) as unknown as TypedDocumentString<PathsQuery, PathsQueryVariables>;
export const UpstreamDocument = new TypedDocumentString(`
    query Upstream($id: ID!, $maxDepth: Int!, $dependence: Dependence!, $natures: [Nature!]!, $asOf: LocalDate) {
  upstream(
    id: $id
    maxDepth: $maxDepth
    dependence: $dependence
    natures: $natures
    asOf: $asOf
  ) {
    ...TierDetails
  }
}
    fragment EntityCard on Entity {
  id
  kind
  name
  aliases
  description
  degree
}
fragment TierDetails on DependencyTiers {
  root {
    ...EntityCard
  }
  maxDepth
  dependence
  total
  tiers {
    tier
    entities {
      tier
      nature
      entity {
        ...EntityCard
      }
      path {
        hops {
          dependent {
            id
          }
          provider {
            id
          }
          dependence
          nature
        }
      }
    }
  }
}`) as unknown as TypedDocumentString<UpstreamQuery, UpstreamQueryVariables>;
export const DownstreamDocument = new TypedDocumentString(`
    query Downstream($id: ID!, $maxDepth: Int!, $dependence: Dependence!, $natures: [Nature!]!, $asOf: LocalDate) {
  downstream(
    id: $id
    maxDepth: $maxDepth
    dependence: $dependence
    natures: $natures
    asOf: $asOf
  ) {
    ...TierDetails
  }
}
    fragment EntityCard on Entity {
  id
  kind
  name
  aliases
  description
  degree
}
fragment TierDetails on DependencyTiers {
  root {
    ...EntityCard
  }
  maxDepth
  dependence
  total
  tiers {
    tier
    entities {
      tier
      nature
      entity {
        ...EntityCard
      }
      path {
        hops {
          dependent {
            id
          }
          provider {
            id
          }
          dependence
          nature
        }
      }
    }
  }
}`) as unknown as TypedDocumentString<DownstreamQuery, DownstreamQueryVariables>;
export const FactDocument = new TypedDocumentString(`
    query Fact($id: ID!) {
  relationship(id: $id) {
    ...EdgeDetails
  }
}
    fragment EdgeBasics on Relationship {
  id
  type
  from {
    id
  }
  to {
    id
  }
  figure {
    value
    unit
    approximate
    bound
  }
  evidence {
    nature
    period {
      text
      start
      end
    }
  }
}
fragment EdgeDetails on Relationship {
  ...EdgeBasics
  meaning
  item {
    id
    name
  }
  figure {
    value
    unit
    unitName
    metric
    metricName
    approximate
    bound
  }
  evidence {
    claim
    nature
    note
    period {
      text
      end
    }
    sources {
      id
      publisher
      title
      date
      dateNote
    }
  }
}`) as unknown as TypedDocumentString<FactQuery, FactQueryVariables>;
export const HopFactsDocument = new TypedDocumentString(`
    query HopFacts($from: ID!, $to: ID!, $dependence: Dependence!, $natures: [Nature!]!, $asOf: LocalDate) {
  dependencyPaths(
    from: $from
    to: $to
    k: 1
    maxLength: 1
    direction: UPSTREAM
    dependence: $dependence
    natures: $natures
    asOf: $asOf
  ) {
    hops {
      relationships {
        ...EdgeBasics
      }
    }
  }
}
    fragment EdgeBasics on Relationship {
  id
  type
  from {
    id
  }
  to {
    id
  }
  figure {
    value
    unit
    approximate
    bound
  }
  evidence {
    nature
    period {
      text
      start
      end
    }
  }
}`) as unknown as TypedDocumentString<HopFactsQuery, HopFactsQueryVariables>;
export const ExposedToDocument = new TypedDocumentString(`
    query ExposedTo($country: ID, $policy: ID, $maxDepth: Int!, $dependence: Dependence!, $natures: [Nature!]!, $asOf: LocalDate) {
  exposedTo(
    country: $country
    policy: $policy
    maxDepth: $maxDepth
    first: 200
    dependence: $dependence
    natures: $natures
    asOf: $asOf
  ) {
    through {
      ...EntityCard
    }
    dependence
    total
    entities {
      distance
      entity {
        ...EntityCard
      }
      at {
        id
        name
      }
      path {
        nodes {
          ...EntityCard
        }
        nature
        hops {
          dependent {
            id
          }
          provider {
            id
          }
          dependence
          nature
        }
      }
      scope {
        clause {
          id
        }
        matched
        unverified
      }
    }
  }
}
    fragment EntityCard on Entity {
  id
  kind
  name
  aliases
  description
  degree
}`) as unknown as TypedDocumentString<ExposedToQuery, ExposedToQueryVariables>;
export const ProposalQueueDocument = new TypedDocumentString(`
    query ProposalQueue($status: ProposalStatus, $first: Int!) {
  proposals(status: $status, first: $first) {
    ...ProposalCard
  }
}
    fragment ProposalCard on Proposal {
  id
  kind
  status
  source {
    id
    publisher
    title
    date
    dateNote
    url
  }
  passage
  passageStart
  passageEnd
  start
  end
  name
  entityKind
  suggestedId
  factType
  from {
    id
    name
  }
  fromNewName
  to {
    id
    name
  }
  figure {
    value
    unit
    approximate
    bound
    change {
      value
      unit
      basis
    }
    otherChanges {
      value
      unit
      basis
    }
  }
  period
  nature
  reviewNote
  decidedAt
  decidedBy
  note
  resultId
}`) as unknown as TypedDocumentString<ProposalQueueQuery, ProposalQueueQueryVariables>;
export const DocumentTextDocument = new TypedDocumentString(`
    query DocumentText($sourceId: ID!) {
  document(sourceId: $sourceId) {
    text
    receivedAt
    receivedBy
    mentions {
      text
      start
      end
      entity {
        id
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<DocumentTextQuery, DocumentTextQueryVariables>;
export const AcceptProposalDocument = new TypedDocumentString(`
    mutation AcceptProposal($id: ID!, $edits: ProposalEdits, $dryRun: Boolean!, $idempotencyKey: String) {
  acceptProposal(
    id: $id
    edits: $edits
    dryRun: $dryRun
    idempotencyKey: $idempotencyKey
  ) {
    ...Decision
  }
}
    fragment ProposalCard on Proposal {
  id
  kind
  status
  source {
    id
    publisher
    title
    date
    dateNote
    url
  }
  passage
  passageStart
  passageEnd
  start
  end
  name
  entityKind
  suggestedId
  factType
  from {
    id
    name
  }
  fromNewName
  to {
    id
    name
  }
  figure {
    value
    unit
    approximate
    bound
    change {
      value
      unit
      basis
    }
    otherChanges {
      value
      unit
      basis
    }
  }
  period
  nature
  reviewNote
  decidedAt
  decidedBy
  note
  resultId
}
fragment Decision on ProposalDecision {
  status
  replayed
  dryRun
  proposal {
    ...ProposalCard
  }
  entity {
    id
    name
  }
  relationship {
    id
    type
  }
  changes {
    action
    targetKind
    targetId
    fields
  }
}`) as unknown as TypedDocumentString<AcceptProposalMutation, AcceptProposalMutationVariables>;
export const RejectProposalDocument = new TypedDocumentString(`
    mutation RejectProposal($id: ID!, $reason: String!, $dryRun: Boolean!, $idempotencyKey: String) {
  rejectProposal(
    id: $id
    reason: $reason
    dryRun: $dryRun
    idempotencyKey: $idempotencyKey
  ) {
    ...Decision
  }
}
    fragment ProposalCard on Proposal {
  id
  kind
  status
  source {
    id
    publisher
    title
    date
    dateNote
    url
  }
  passage
  passageStart
  passageEnd
  start
  end
  name
  entityKind
  suggestedId
  factType
  from {
    id
    name
  }
  fromNewName
  to {
    id
    name
  }
  figure {
    value
    unit
    approximate
    bound
    change {
      value
      unit
      basis
    }
    otherChanges {
      value
      unit
      basis
    }
  }
  period
  nature
  reviewNote
  decidedAt
  decidedBy
  note
  resultId
}
fragment Decision on ProposalDecision {
  status
  replayed
  dryRun
  proposal {
    ...ProposalCard
  }
  entity {
    id
    name
  }
  relationship {
    id
    type
  }
  changes {
    action
    targetKind
    targetId
    fields
  }
}`) as unknown as TypedDocumentString<RejectProposalMutation, RejectProposalMutationVariables>;