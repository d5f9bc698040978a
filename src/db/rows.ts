/** The row types the data layer returns; GraphQL resolvers receive them as parents (codegen mappers). */

export interface HealthRow {
  status: 'OK';
  neo4jVersion: string;
  neo4jEdition: string;
  entities: number;
  relationships: number;
  sources: number;
}
