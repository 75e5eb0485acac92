import type { ExecutionResult } from "graphql";

/** A GraphQL request as GraphiQL hands it to the fetcher. */
export interface FetcherParams {
  readonly query: string;
  readonly operationName?: string | null;
  readonly variables?: unknown;
}

/** Builds the value of an HTTP Basic Authorization header from an e-mail and an API key. */
export const basicAuthorization = (email: string, apiKey: string): string => {
  const bytes = new TextEncoder().encode(`${email}:${apiKey}`);
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
};

const OPERATION = /\b(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/g;

/**
 * GraphiQL can send the previous tab's operation name right after a tab switch; the server would answer
 * "Unknown operation". Keep the name only when the document defines it.
 */
export const fixOperationName = (params: FetcherParams): FetcherParams => {
  if (!params.operationName) return params;
  const names = [...params.query.matchAll(OPERATION)].map((match) => match[1]);
  return names.includes(params.operationName)
    ? params
    : { ...params, operationName: names.length === 1 ? (names[0] ?? null) : null };
};

/**
 * GraphiQL's fetcher: POSTs JSON to the gateway on the same origin. The credentials form wins
 * over an Authorization header typed into the headers editor.
 */
export const createFetcher =
  (endpoint: string, authorization: () => string | undefined) =>
  async (
    params: FetcherParams,
    options?: { headers?: Record<string, unknown> },
  ): Promise<ExecutionResult> => {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "application/json",
    };
    for (const [name, value] of Object.entries(options?.headers ?? {}))
      headers[name.toLowerCase()] = String(value);
    const fromForm = authorization();
    if (fromForm) headers.authorization = fromForm;
    const response = await fetch(endpoint, {
      method: "POST",
      headers,
      body: JSON.stringify(fixOperationName(params)),
    });
    return (await response.json()) as ExecutionResult;
  };
