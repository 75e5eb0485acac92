import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";

/** What a subscription received: results, and the error or completion that ended it. */
export interface Received<TData> {
  readonly results: {
    data?: TData | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  }[];
  error: unknown;
  completed: boolean;
}

/** A graphql-ws client of a gateway (the `ws` package as the socket), with `connectionParams` as given. */
export const liveClient = (
  graphqlUrl: string,
  connectionParams: Record<string, unknown> = {},
  options: { origin?: string; onClosed?: (event: { code: number; reason: string }) => void } = {},
): Client =>
  createClient({
    url: graphqlUrl.replace(/^http/, "ws"),
    connectionParams,
    retryAttempts: 0,
    lazy: true,
    webSocketImpl: class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, options.origin === undefined ? {} : { origin: options.origin });
      }
    },
    on: {
      closed: (event) => options.onClosed?.(event as { code: number; reason: string }),
    },
  });

/** Subscribes and records everything the subscription receives. */
export const record = <TData>(
  client: Client,
  query: string,
  variables: Record<string, unknown> = {},
): Received<TData> & { stop: () => void } => {
  const received: Received<TData> = { results: [], error: undefined, completed: false };
  const stop = client.subscribe<TData>(
    { query, variables },
    {
      next: (result) => received.results.push(result as Received<TData>["results"][number]),
      error: (error) => {
        received.error = error;
      },
      complete: () => {
        received.completed = true;
      },
    },
  );
  return Object.assign(received, { stop });
};

/** Waits until `condition` holds, checking every 20 ms, or fails after `timeoutMs`. */
export const until = async (
  condition: () => boolean,
  timeoutMs = 10_000,
  what = "condition",
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};
