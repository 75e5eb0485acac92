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

/**
 * GraphiQL's fetcher: POSTs JSON to the gateway on the same origin. The credentials form wins
 * over an Authorization header typed into the headers editor.
 */
export const createFetcher =
  (endpoint: string, authorization: () => string | undefined) =>
  async (params: FetcherParams, options?: { headers?: Record<string, unknown> }): Promise<unknown> => {
    const headers: Record<string, string> = {
      "content-type": "application/json",
      accept: "application/json",
    };
    for (const [name, value] of Object.entries(options?.headers ?? {}))
      headers[name.toLowerCase()] = String(value);
    const fromForm = authorization();
    if (fromForm) headers.authorization = fromForm;
    const response = await fetch(endpoint, { method: "POST", headers, body: JSON.stringify(params) });
    return response.json();
  };
