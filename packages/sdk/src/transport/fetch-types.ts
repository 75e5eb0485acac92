/**
 * The part of the standard `fetch` the client uses, so any implementation fits: the global one of browsers,
 * Node, Deno, Bun and edge runtimes, undici's, or a test's.
 */
export type FetchFunction = (url: string, init: FetchInit) => Promise<FetchResponse>;

/** What the client passes to `fetch` (plus `dispatcher` when one was given). */
export interface FetchInit {
  readonly method: "POST";
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  readonly signal: AbortSignal;
}

/** What the client reads of a `fetch` answer. */
export interface FetchResponse {
  readonly status: number;
  text(): Promise<string>;
}

/** An undici `Dispatcher` (Agent, Pool, ProxyAgent, MockAgent), described by shape to keep undici out. */
export interface DispatcherLike {
  dispatch(...args: never[]): unknown;
}
