import {
  createPlatformClient,
  type PlatformClient,
  type PlatformClientHooks,
} from "@flowdoctor/platform-client";
import { createEmulator, type Emulator } from "@flowdoctor/platform-emulator";
import { Agent } from "undici";
import type { Credentials } from "../auth/parse-authorization.js";
import type { UpstreamMode } from "../context.js";
import type { GatewayMetrics } from "../observability/metrics.js";
import { upstreamOperation } from "./upstream-operation.js";

/** A seeded login of the embedded emulator, shown in the playground and the start-up output. */
export interface DemoUser {
  readonly name: string;
  readonly email: string;
  readonly apiKey: string;
}

/** The platform the gateway talks to: a real one, or the embedded emulator. */
export interface Upstream {
  readonly mode: UpstreamMode;
  /** The platform's base URL (the emulator's local URL in emulator mode). */
  readonly baseUrl: string;
  /** The emulator's demo logins; empty for a real platform. */
  readonly demoUsers: readonly DemoUser[];
  /** A client that calls the platform as the given user, tagging requests with the request id. */
  clientFor(credentials: Credentials, requestId: string): PlatformClient;
  close(): Promise<void>;
}

/** Options of {@link createUpstream}. */
export interface UpstreamOptions {
  /** The platform's API base URL; absent starts the emulator's demo scenario on a free local port. */
  readonly platformApiUrl?: string;
  readonly metrics: GatewayMetrics;
  /** Per attempt, in ms. @default 15000 */
  readonly timeoutMs?: number;
}

const hooksFor = (metrics: GatewayMetrics, requestId: string): PlatformClientHooks => ({
  onRequest: () => ({ "x-request-id": requestId }),
  onResponse: (outcome) => {
    const operation = upstreamOperation(outcome.method, outcome.path);
    metrics.upstreamRequests.inc({ operation, outcome: outcome.errorCode === undefined ? "ok" : "error" });
    metrics.upstreamDuration.observe({ operation }, outcome.durationMs / 1000);
    if (outcome.errorCode !== undefined) metrics.upstreamErrors.inc({ operation, code: outcome.errorCode });
  },
});

const demoUsersOf = (emulator: Emulator | undefined): DemoUser[] =>
  emulator?.users.map(({ name, email, apiKey }) => ({ name, email, apiKey })) ?? [];

/**
 * Connects to the platform. All users' clients share one undici connection pool; each request gets a
 * light client of its own carrying the caller's credentials.
 */
export const createUpstream = async (options: UpstreamOptions): Promise<Upstream> => {
  const emulator =
    options.platformApiUrl === undefined ? await createEmulator({ scenario: "demo" }) : undefined;
  const baseUrl = options.platformApiUrl ?? (emulator as Emulator).url;
  const dispatcher = new Agent({ connections: 64, keepAliveTimeout: 10_000 });
  return {
    mode: emulator ? "emulator" : "platform",
    baseUrl,
    demoUsers: demoUsersOf(emulator),
    clientFor: (credentials, requestId) =>
      createPlatformClient({
        baseUrl,
        email: credentials.email,
        apiKey: credentials.apiKey,
        dispatcher,
        hooks: hooksFor(options.metrics, requestId),
        retries: 1,
        timeoutMs: options.timeoutMs ?? 15_000,
      }),
    close: async () => {
      await dispatcher.close();
      await emulator?.close();
    },
  };
};
