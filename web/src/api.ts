/**
 * The explorer's (and the review page's) only way to the data: the service's public
 * GraphQL endpoint, called with the typed operations graphql-codegen generates from
 * src/graphql/*.graphql. The review page adds its curator token as a header.
 */
import type { TypedDocumentString } from './generated/graphql.js';

export const GRAPHQL_URL = '/graphql';

/** A GraphQL error response, with the server's messages and codes. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly codes: string[],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

let inFlight = 0;
const listeners = new Set<(busy: boolean) => void>();

/** Called with true when a request starts and false when none is left running. */
export function onBusyChange(listener: (busy: boolean) => void): void {
  listeners.add(listener);
}

function setInFlight(delta: number): void {
  const wasBusy = inFlight > 0;
  inFlight += delta;
  if (wasBusy !== inFlight > 0) for (const listener of listeners) listener(inFlight > 0);
}

/** Runs one operation; any GraphQL error rejects with an ApiError. */
export async function execute<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
  headers: Record<string, string> = {},
): Promise<TResult> {
  setInFlight(1);
  try {
    const response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal,
    });
    let body: GraphQLResponse<TResult>;
    try {
      body = (await response.json()) as GraphQLResponse<TResult>;
    } catch {
      throw new ApiError(`The API answered HTTP ${response.status} without a GraphQL response.`, []);
    }
    if (body.errors?.length) {
      throw new ApiError(
        body.errors.map((error) => error.message).join(' '),
        body.errors.map((error) => error.extensions?.code ?? 'UNKNOWN'),
      );
    }
    if (!body.data) throw new ApiError(`The API answered HTTP ${response.status} with no data.`, []);
    return body.data;
  } finally {
    setInFlight(-1);
  }
}
