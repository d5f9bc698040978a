/**
 * The review page's way to the API: the explorer's `execute` (../api.ts) with the
 * curator's token as "Authorization: Bearer …". Everything the page asks needs it.
 */
import { ApiError, execute } from '../api.js';
import type { TypedDocumentString } from '../generated/graphql.js';

export function asCurator<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, token: string): Promise<TResult> {
  return execute(document, variables, undefined, { authorization: `Bearer ${token}` });
}

/** UNAUTHENTICATED or FORBIDDEN: the token, not the request, is the problem. */
export function authProblem(error: unknown): 'UNAUTHENTICATED' | 'FORBIDDEN' | null {
  if (!(error instanceof ApiError)) return null;
  if (error.codes.includes('UNAUTHENTICATED')) return 'UNAUTHENTICATED';
  if (error.codes.includes('FORBIDDEN')) return 'FORBIDDEN';
  return null;
}
