import { type Dispatcher, Pool } from "undici";
import type { ResolvedOptions } from "../options.js";
import type { PlatformClientHooks } from "./hooks.js";
import { RetryBudget } from "./retry-budget.js";

/** Everything a request needs to go out: where, as whom, how patiently. Built once per client. */
export interface Transport {
  readonly dispatcher: Dispatcher;
  readonly origin: string;
  readonly basePath: string;
  /** Headers every request carries, authorization included. Never copied into errors or hooks. */
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly retries: number;
  readonly retryDelayMs: number;
  readonly maxRetryDelayMs: number;
  readonly maxRetryAfterMs: number;
  readonly budget: RetryBudget;
  readonly hooks: PlatformClientHooks;
  /** Releases the client's own pool; leaves an injected dispatcher alone. */
  readonly close: () => Promise<void>;
}

/** Creates the transport: one keep-alive pool per client unless a dispatcher was injected. */
export const createTransport = (options: ResolvedOptions): Transport => {
  const owned =
    options.dispatcher === undefined
      ? new Pool(options.origin, {
          connections: options.maxConnections,
          headersTimeout: options.timeoutMs,
          bodyTimeout: options.timeoutMs,
        })
      : undefined;
  const dispatcher = owned ?? (options.dispatcher as Dispatcher);
  const token = Buffer.from(`${options.email}:${options.apiKey}`).toString("base64");
  return {
    dispatcher,
    origin: options.origin,
    basePath: options.basePath,
    headers: { authorization: `Basic ${token}`, accept: "application/json" },
    timeoutMs: options.timeoutMs,
    retries: options.retries,
    retryDelayMs: options.retryDelayMs,
    maxRetryDelayMs: options.maxRetryDelayMs,
    maxRetryAfterMs: options.maxRetryAfterMs,
    budget: new RetryBudget(options.retryBudget),
    hooks: options.hooks,
    close: async () => {
      if (owned !== undefined && !owned.closed) await owned.close();
    },
  };
};
