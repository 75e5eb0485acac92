import { FlowdoctorError } from "./errors.js";
import type { DispatcherLike, FetchFunction } from "./transport/fetch-types.js";

/** Options of {@link createFlowdoctorClient}. */
export interface FlowdoctorClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `http://127.0.0.1:4000/graphql`. */
  readonly url: string | URL;
  /** The platform login e-mail; give it with `apiKey`, or neither for the few fields that need no login. */
  readonly email?: string;
  /** The platform API key that goes with `email`. */
  readonly apiKey?: string;
  /** Longest wait for one attempt's complete answer, in milliseconds. @default 30000 */
  readonly timeoutMs?: number;
  /** How often a query is tried again after a network error or a 502/503/504; mutations never are. @default 2 */
  readonly retries?: number;
  /** First pause before a retry, doubled each time (with jitter), in milliseconds. @default 100 */
  readonly retryDelayMs?: number;
  /** Extra headers for every request, e.g. a request id. `authorization` is set from `email` and `apiKey`. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * The `fetch` to send with: a polyfill, undici's `fetch`, or a wrapper that logs or mocks.
   * @default the runtime's global `fetch`, looked up at each call (so interceptors installed later apply)
   */
  readonly fetch?: FetchFunction;
  /**
   * An undici `Dispatcher` (a shared `Agent`, a `ProxyAgent`, a `MockAgent`), passed to `fetch` as its
   * `dispatcher` option; Node's global `fetch` and undici's honour it, other runtimes ignore it. The client
   * never closes it. @default none: the `fetch`'s own connection pool
   */
  readonly dispatcher?: DispatcherLike;
  /**
   * The WebSocket constructor subscriptions connect with, e.g. `WebSocket` of the `ws` package on Node 20.
   * @default the runtime's global `WebSocket` (Node 22+, browsers, Deno, Bun)
   */
  readonly webSocket?: unknown;
  /** How often a subscription's dropped connection is opened again before its iterator fails. @default 10 */
  readonly reconnectAttempts?: number;
}

/** The options after validation, with defaults filled in. */
export interface ResolvedOptions {
  readonly url: URL;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly fetch: FetchFunction;
  readonly dispatcher: DispatcherLike | undefined;
  readonly webSocket: unknown;
  readonly reconnectAttempts: number;
}

const invalid = (message: string): FlowdoctorError => new FlowdoctorError("INVALID_OPTION", message);

const readUrl = (value: unknown): URL => {
  let url: URL;
  try {
    url = new URL(value instanceof URL ? value.href : String(value));
  } catch {
    throw invalid("url must be an absolute http(s) URL such as http://127.0.0.1:4000/graphql");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw invalid(`url must use http or https (got ${url.protocol})`);
  }
  if (url.username !== "" || url.password !== "") {
    throw invalid("url must not contain credentials; pass email and apiKey instead");
  }
  return url;
};

const readInt = (name: string, value: unknown, fallback: number, range: [number, number]): number => {
  if (value === undefined) return fallback;
  if (typeof value === "number" && Number.isInteger(value) && value >= range[0] && value <= range[1]) {
    return value;
  }
  throw invalid(`${name} must be an integer from ${range[0]} to ${range[1]} (got ${String(value)})`);
};

const readHeaders = (value: unknown): Record<string, string> => {
  if (value === undefined) return {};
  if (typeof value !== "object" || value === null) throw invalid("headers must be an object of strings");
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries(value)) {
    if (typeof header !== "string") throw invalid(`headers.${name} must be a string`);
    headers[name.toLowerCase()] = header;
  }
  return headers;
};

const authorization = (email: unknown, apiKey: unknown): Record<string, string> => {
  if (email === undefined && apiKey === undefined) return {};
  if (typeof email !== "string" || email.trim() === "") {
    throw invalid("email must be a non-empty string when apiKey is given");
  }
  if (typeof apiKey !== "string" || apiKey.trim() === "") {
    throw invalid("apiKey must be a non-empty string when email is given");
  }
  return { authorization: `Basic ${base64(`${email}:${apiKey}`)}` };
};

/** Base64 of the UTF-8 bytes, as HTTP Basic expects; `btoa` alone only takes Latin-1. */
const base64 = (text: string): string => {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
};

const globalFetch: FetchFunction = (url, init) => globalThis.fetch(url, init);

const readFetch = (value: unknown): FetchFunction => {
  if (value !== undefined) {
    if (typeof value !== "function") throw invalid("fetch must be a function like the global fetch");
    return value as FetchFunction;
  }
  if (typeof globalThis.fetch !== "function") {
    throw invalid("fetch must be given: this runtime has no global fetch");
  }
  return globalFetch;
};

const readWebSocket = (value: unknown): unknown => {
  if (value !== undefined && typeof value !== "function")
    throw invalid("webSocket must be a WebSocket constructor, such as the ws package's WebSocket");
  return value;
};

/** Validates the options once, naming the field and the rule that an option breaks. */
export const resolveOptions = (options: FlowdoctorClientOptions): ResolvedOptions => {
  if (typeof options !== "object" || options === null) throw invalid("options must be an object");
  const dispatcher = options.dispatcher;
  if (dispatcher !== undefined && typeof (dispatcher as { dispatch?: unknown }).dispatch !== "function") {
    throw invalid("dispatcher must be an undici Dispatcher (Agent, Pool, Client, MockAgent...)");
  }
  return {
    url: readUrl(options.url),
    timeoutMs: readInt("timeoutMs", options.timeoutMs, 30_000, [1, 600_000]),
    retries: readInt("retries", options.retries, 2, [0, 10]),
    retryDelayMs: readInt("retryDelayMs", options.retryDelayMs, 100, [0, 60_000]),
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      ...readHeaders(options.headers),
      ...authorization(options.email, options.apiKey),
    },
    fetch: readFetch(options.fetch),
    dispatcher,
    webSocket: readWebSocket(options.webSocket),
    reconnectAttempts: readInt("reconnectAttempts", options.reconnectAttempts, 10, [0, 1000]),
  };
};
