import type { Dispatcher } from "undici";
import { PlatformError } from "./errors.js";
import type { PlatformClientHooks } from "./http/hooks.js";

/** How many retries the client may spend relative to the requests it makes, so an outage causes no retry storm. */
export interface RetryBudgetOptions {
  /**
   * Retries earned per first attempt: 0.2 allows one retry for every five requests once the burst is spent.
   * @default 0.2
   */
  readonly ratio?: number;
  /**
   * Retries that may be spent at once (the budget starts full and never holds more).
   * @default 10
   */
  readonly burst?: number;
}

/** Options of {@link createPlatformClient}. */
export interface PlatformClientOptions {
  /** The platform's API base URL without `/v2`, e.g. `https://api.elastic.io` (no default). */
  readonly baseUrl: string;
  /** The login e-mail of the API user (HTTP Basic user name; no default). */
  readonly email: string;
  /** The API key from the user's profile page (HTTP Basic password; no default). Never logged or put in errors. */
  readonly apiKey: string;
  /**
   * Per attempt: how long to wait for the response headers, and for each chunk of the body, in milliseconds.
   * undici checks these on a coarse timer, so a timeout may fire up to about a second late.
   * @default 30000
   */
  readonly timeoutMs?: number;
  /**
   * Retries after the first attempt of one request (idempotent requests, or requests the server surely did not act on).
   * @default 2
   */
  readonly retries?: number;
  /**
   * The first back-off delay in milliseconds; it doubles per retry, with jitter.
   * @default 200
   */
  readonly retryDelayMs?: number;
  /**
   * The longest back-off delay in milliseconds.
   * @default 5000
   */
  readonly maxRetryDelayMs?: number;
  /**
   * The longest `Retry-After` the client waits out before retrying; a longer one surfaces `PLATFORM_RATE_LIMITED` at once.
   * @default 30000
   */
  readonly maxRetryAfterMs?: number;
  /**
   * Limits retries across all requests of this client.
   * @default { ratio: 0.2, burst: 10 }
   */
  readonly retryBudget?: RetryBudgetOptions;
  /**
   * The most keep-alive connections the client's own pool opens to the platform (ignored with `dispatcher`).
   * @default 10
   */
  readonly maxConnections?: number;
  /**
   * Items per page when the client pages by itself (`iterate*` methods).
   * @default 100
   */
  readonly pageSize?: number;
  /**
   * An undici dispatcher to send requests through instead of the client's own pool; the caller owns and closes it.
   * @default a `Pool` of `maxConnections` connections to `baseUrl`, closed by `close()`
   */
  readonly dispatcher?: Dispatcher;
  /**
   * Called around every attempt (metrics, request ids).
   * @default {}
   */
  readonly hooks?: PlatformClientHooks;
}

/** Options after validation, with defaults filled in. */
export interface ResolvedOptions {
  readonly origin: string;
  /** Path prefix of the base URL without a trailing slash ("" for `https://api.elastic.io`). */
  readonly basePath: string;
  readonly email: string;
  readonly apiKey: string;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly maxRetryAfterMs: number;
  readonly retryBudget: Required<RetryBudgetOptions>;
  readonly maxConnections: number;
  readonly pageSize: number;
  readonly dispatcher: Dispatcher | undefined;
  readonly hooks: PlatformClientHooks;
}

const invalid = (option: string, rule: string): PlatformError =>
  new PlatformError("PLATFORM_INVALID_OPTION", `createPlatformClient: option "${option}" ${rule}`);

const integerIn = (
  options: object,
  name: string,
  range: { min: number; max: number; fallback: number; example: string },
): number => {
  const value = (options as Record<string, unknown>)[name];
  if (value === undefined) return range.fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < range.min || value > range.max) {
    throw invalid(name, `must be an integer from ${range.min} to ${range.max}, e.g. ${range.example}`);
  }
  return value;
};

const requiredText = (options: object, name: string, example: string): string => {
  const value = (options as Record<string, unknown>)[name];
  if (typeof value !== "string" || value.trim() === "") {
    throw invalid(name, `must be a non-empty string, e.g. ${example}`);
  }
  return value;
};

const parseBaseUrl = (value: string): { origin: string; basePath: string } => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw invalid("baseUrl", 'must be an absolute http(s) URL, e.g. "https://api.elastic.io"');
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw invalid("baseUrl", 'must use http or https, e.g. "https://api.elastic.io"');
  }
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw invalid(
      "baseUrl",
      'must not carry a query, fragment or credentials, e.g. "https://api.elastic.io"',
    );
  }
  const basePath = url.pathname.replace(/\/+$/, "");
  if (basePath.endsWith("/v2")) {
    throw invalid("baseUrl", 'must not end in /v2 (the client appends it), e.g. "https://api.elastic.io"');
  }
  return { origin: url.origin, basePath };
};

const resolveBudget = (budget: RetryBudgetOptions | undefined): Required<RetryBudgetOptions> => {
  const ratio = budget?.ratio ?? 0.2;
  if (typeof ratio !== "number" || !(ratio >= 0 && ratio <= 1)) {
    throw invalid("retryBudget.ratio", "must be a number from 0 to 1, e.g. 0.2");
  }
  return {
    ratio,
    burst: integerIn(budget ?? {}, "burst", { min: 0, max: 1000, fallback: 10, example: "10" }),
  };
};

const resolveHooks = (hooks: unknown): PlatformClientHooks => {
  if (hooks === undefined) return {};
  if (typeof hooks !== "object" || hooks === null) throw invalid("hooks", "must be an object of functions");
  for (const name of ["onRequest", "onResponse", "wrapAttempt"] as const) {
    const hook = (hooks as Record<string, unknown>)[name];
    if (hook !== undefined && typeof hook !== "function")
      throw invalid(`hooks.${name}`, "must be a function");
  }
  return hooks as PlatformClientHooks;
};

const resolveDispatcher = (dispatcher: unknown): Dispatcher | undefined => {
  if (dispatcher === undefined) return undefined;
  if (typeof (dispatcher as { request?: unknown } | null)?.request !== "function") {
    throw invalid("dispatcher", "must be an undici Dispatcher (Agent, Pool, Client, ...)");
  }
  return dispatcher as Dispatcher;
};

/** Validates the options once, at the edge; inner code trusts the result. */
export const resolveOptions = (options: PlatformClientOptions): ResolvedOptions => {
  if (typeof options !== "object" || options === null) {
    throw new PlatformError("PLATFORM_INVALID_OPTION", "createPlatformClient: options must be an object");
  }
  const { origin, basePath } = parseBaseUrl(requiredText(options, "baseUrl", '"https://api.elastic.io"'));
  const email = requiredText(options, "email", '"ops@example.com"');
  if (email.includes(":")) throw invalid("email", 'must not contain ":" (HTTP Basic user name)');
  return {
    origin,
    basePath,
    email,
    apiKey: requiredText(options, "apiKey", "the key from your profile page"),
    timeoutMs: integerIn(options, "timeoutMs", {
      min: 1,
      max: 3_600_000,
      fallback: 30_000,
      example: "30000",
    }),
    retries: integerIn(options, "retries", { min: 0, max: 10, fallback: 2, example: "2" }),
    retryDelayMs: integerIn(options, "retryDelayMs", { min: 0, max: 60_000, fallback: 200, example: "200" }),
    maxRetryDelayMs: integerIn(options, "maxRetryDelayMs", {
      min: 0,
      max: 300_000,
      fallback: 5_000,
      example: "5000",
    }),
    maxRetryAfterMs: integerIn(options, "maxRetryAfterMs", {
      min: 0,
      max: 3_600_000,
      fallback: 30_000,
      example: "30000",
    }),
    retryBudget: resolveBudget(options.retryBudget),
    maxConnections: integerIn(options, "maxConnections", { min: 1, max: 1024, fallback: 10, example: "10" }),
    pageSize: integerIn(options, "pageSize", { min: 1, max: 1000, fallback: 100, example: "100" }),
    dispatcher: resolveDispatcher(options.dispatcher),
    hooks: resolveHooks(options.hooks),
  };
};
