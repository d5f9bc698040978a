/**
 * The API has queries and (curators') mutations, no subscriptions. graphql-js 16 lets an
 * operation of a type the schema lacks (`subscription { … }`)
 * through validation and then fails in execution, which Apollo reports as an
 * INTERNAL_SERVER_ERROR with HTTP 200 and an error-level log: a client mistake told as
 * a server fault, and a way to flood the log. This refuses them as the client's error.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from './errors.js';

export function readOnlyPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, schema }) {
          if (!operation) return; // Apollo reports an unknown operation itself
          const type = operation.operation;
          if (schema.getRootType(type)) return;
          throw new GraphQLError(`This API has no ${type} operations. Send a query (or, as a curator, a mutation).`, {
            extensions: { code: ErrorCode.BAD_REQUEST, http: { status: 400 } },
          });
        },
      };
    },
  };
}
