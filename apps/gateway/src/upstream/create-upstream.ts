import {
  type AttemptOutcome,
  createPlatformClient,
  type PlatformClient,
  type PlatformClientHooks,
} from "@flowdoctor/platform-client";
import { createEmulator, type Emulator } from "@flowdoctor/platform-emulator";
import { SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { Agent, request } from "undici";
import type { Credentials } from "../auth/parse-authorization.js";
import type { UpstreamMode } from "../context.js";
import type { Logger } from "../observability/logger.js";
import type { GatewayMetrics } from "../observability/metrics.js";
import { inSpan, traceHeaders } from "../observability/tracing.js";
import { createUpstreamFailureLog, type UpstreamFailure } from "./upstream-failure-log.js";
import { upstreamOperation } from "./upstream-operation.js";

/** A seeded login of the embedded emulator, shown in the playground and the start-up output. */
export interface DemoUser {
  readonly name: string;
  readonly email: string;
  readonly apiKey: string;
  /** Who the user is and what they may see; null when the scenario does not say. */
  readonly description: string | null;
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
  /** Whether the platform answers at all (any HTTP status) to a HEAD on its base URL: undefined, or why not. */
  unreachableReason(timeoutMs: number): Promise<string | undefined>;
  close(): Promise<void>;
}

/** Options of {@link createUpstream}. */
export interface UpstreamOptions {
  /** The platform's API base URL; absent starts the emulator's demo scenario on a free local port. */
  readonly platformApiUrl?: string;
  readonly metrics: GatewayMetrics;
  /** Where requests that cannot reach the platform are logged. */
  readonly logger: Logger;
  /** Per attempt, in ms. @default 15000 */
  readonly timeoutMs?: number;
}

type FailureLog = (failure: UpstreamFailure) => void;

/** A request's last attempt that failed to connect or timed out, as a failure to log. */
const connectionFailureOf = (outcome: AttemptOutcome, requestId: string): UpstreamFailure | undefined => {
  if (outcome.willRetry) return undefined;
  if (outcome.errorCode !== "PLATFORM_NETWORK" && outcome.errorCode !== "PLATFORM_TIMEOUT") return undefined;
  const { method, path, attempt } = outcome;
  return { method, path, cause: outcome.networkCause ?? outcome.errorCode, requestId, attempts: attempt };
};

/** `GET /v2/flows/{id}`: the request's route template, bounded like the metric label. */
const routeTemplateOf = (method: string, path: string): string =>
  upstreamOperation(method, path).replace(/:id/g, "{id}");

/** A client span per attempt, current while it runs, so `onRequest` sends its `traceparent`. */
const traceAttempt: NonNullable<PlatformClientHooks["wrapAttempt"]> = ({ method, path, attempt }, run) => {
  const template = routeTemplateOf(method, path);
  const attributes = {
    "http.request.method": method,
    "url.template": template.slice(method.length + 1),
    ...(attempt > 1 ? { "http.request.resend_count": attempt - 1 } : {}),
  };
  return inSpan({ name: template, kind: SpanKind.CLIENT, attributes }, run);
};

/** Status and failure of the attempt on its span (the current one inside {@link traceAttempt}). */
const recordOutcome = (outcome: AttemptOutcome): void => {
  const span = trace.getActiveSpan();
  if (span === undefined || !span.isRecording()) return;
  if (outcome.status !== undefined) span.setAttribute("http.response.status_code", outcome.status);
  if (outcome.errorCode === undefined) return;
  span.setAttribute("error.type", outcome.errorCode);
  span.setStatus({ code: SpanStatusCode.ERROR, message: outcome.errorCode });
};

const hooksFor = (
  metrics: GatewayMetrics,
  logFailure: FailureLog,
  requestId: string,
): PlatformClientHooks => ({
  wrapAttempt: traceAttempt,
  onRequest: () => ({ "x-request-id": requestId, ...traceHeaders() }),
  onResponse: (outcome) => {
    recordOutcome(outcome);
    const operation = upstreamOperation(outcome.method, outcome.path);
    metrics.upstreamRequests.inc({ operation, outcome: outcome.errorCode === undefined ? "ok" : "error" });
    metrics.upstreamDuration.observe({ operation }, outcome.durationMs / 1000);
    if (outcome.errorCode !== undefined) metrics.upstreamErrors.inc({ operation, code: outcome.errorCode });
    const failure = connectionFailureOf(outcome, requestId);
    if (failure !== undefined) logFailure(failure);
  },
});

/** The first string `code` down an error's cause chain (`ECONNREFUSED`, `ENOTFOUND`, ...). */
const codeOf = (error: unknown): string | undefined => {
  const { code, cause } = (error ?? {}) as { code?: unknown; cause?: unknown };
  if (typeof code === "string") return code;
  return cause === undefined ? undefined : codeOf(cause);
};

const probeBaseUrl = async (
  baseUrl: string,
  dispatcher: Agent,
  timeoutMs: number,
): Promise<string | undefined> => {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const response = await request(`${baseUrl}/`, {
      method: "HEAD",
      dispatcher,
      headersTimeout: timeoutMs,
      signal,
    });
    await response.body.dump();
    return undefined;
  } catch (error) {
    return signal.aborted ? `no answer within ${timeoutMs} ms` : (codeOf(error) ?? String(error));
  }
};

const demoUsersOf = (emulator: Emulator | undefined): DemoUser[] =>
  emulator?.users.map(({ name, email, apiKey, description }) => ({
    name,
    email,
    apiKey,
    description: description ?? null,
  })) ?? [];

/**
 * Connects to the platform. All users' clients share one undici connection pool; each request gets a
 * light client of its own carrying the caller's credentials.
 */
export const createUpstream = async (options: UpstreamOptions): Promise<Upstream> => {
  const emulator =
    options.platformApiUrl === undefined ? await createEmulator({ scenario: "demo" }) : undefined;
  const baseUrl = options.platformApiUrl ?? (emulator as Emulator).url;
  const dispatcher = new Agent({ connections: 64, keepAliveTimeout: 10_000 });
  const logFailure = createUpstreamFailureLog({ logger: options.logger, baseUrl });
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
        hooks: hooksFor(options.metrics, logFailure, requestId),
        retries: 1,
        timeoutMs: options.timeoutMs ?? 15_000,
      }),
    unreachableReason: async (timeoutMs) => {
      const cause = await probeBaseUrl(baseUrl, dispatcher, timeoutMs);
      if (cause === undefined) return undefined;
      logFailure({ method: "HEAD", path: "/", cause });
      return `the platform at ${baseUrl} is unreachable (${cause})`;
    },
    close: async () => {
      await dispatcher.close();
      await emulator?.close();
    },
  };
};
