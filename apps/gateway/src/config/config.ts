import { GatewayError } from "../errors.js";
import { type AlertConfig, readAlertConfig } from "../inbox/alert-config.js";
import { type InboxConfig, readInboxConfig } from "../inbox/inbox-config.js";
import { type LiveConfig, readLiveConfig } from "../live/live-config.js";
import { TRACES_EXPORTERS, type TracesExporter, type TracingConfig } from "../observability/tracing.js";
import { readTicketConfig, type TicketConfig } from "../tickets/ticket-config.js";

/** pino's levels, plus `silent`. */
export const LOG_LEVEL_NAMES = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVEL_NAMES)[number];

/** Limits that protect the gateway and the platform from expensive requests. */
export interface GatewayLimits {
  /** Deepest allowed field nesting of an operation. @default 12 (`MAX_QUERY_DEPTH`) */
  readonly maxQueryDepth: number;
  /** Highest allowed estimated cost (fields, multiplied by page sizes). @default 20000 (`MAX_QUERY_COST`) */
  readonly maxQueryCost: number;
  /** Most aliased fields in one operation, fragments counted where spread. @default 30 (`MAX_QUERY_ALIASES`) */
  readonly maxQueryAliases: number;
  /** Most directives in one operation. @default 50 (`MAX_QUERY_DIRECTIVES`) */
  readonly maxQueryDirectives: number;
  /** Most lexical tokens in one document; parsing stops there. @default 5000 (`MAX_QUERY_TOKENS`) */
  readonly maxQueryTokens: number;
  /**
   * Most operations one caller runs at once (a caller is the e-mail of its credentials, or its IP address when it
   * sends none); the rest are answered `RATE_LIMITED`. @default 16 (`MAX_CONCURRENT_OPERATIONS_PER_CALLER`)
   */
  readonly maxConcurrentOperationsPerCaller: number;
  /** The estimated cost one caller may spend per minute. @default 200000 (`MAX_COST_PER_MINUTE`) */
  readonly maxCostPerMinute: number;
  /** Largest `first` a list accepts. @default 100 (`MAX_PAGE_SIZE`) */
  readonly maxPageSize: number;
  /** Largest request body in bytes. @default 1048576 (`MAX_BODY_BYTES`) */
  readonly maxBodyBytes: number;
  /**
   * Most log entries one GraphQL request reads from the platform for `errors`, `errorGroups` and `logFile`;
   * answers say when they stopped there. @default 5000 (`MAX_LOG_SCAN`)
   */
  readonly maxLogScan: number;
  /**
   * Most log scans (`errors`, `errorGroups`, `logs` with gateway filters, `logFile`) running at once; the rest
   * wait their turn. Each scan holds up to `maxLogScan` entries, so this bounds memory; a scan waiting on the
   * platform holds its slot too, so a slow platform needs more slots than cores. @default 8 (`MAX_CONCURRENT_SCANS`)
   */
  readonly maxConcurrentScans: number;
  /**
   * Most GraphQL operations executing at once; the rest wait their turn with only their body read. Every operation
   * holds its answer while it runs, so this bounds memory under a burst. @default 64 (`MAX_CONCURRENT_OPERATIONS`)
   */
  readonly maxConcurrentOperations: number;
  /**
   * Whether `diagnoseFlow`'s endpoint probes may reach loopback, private and link-local addresses. Off, the gateway
   * cannot be used to scan internal networks. @default false (`PROBE_PRIVATE_NETWORKS=on` allows them)
   */
  readonly probePrivateNetworks: boolean;
}

/** Everything the gateway reads from its environment, validated. */
export interface GatewayConfig {
  /** @default 4000 (`PORT`; 0 picks a free port) */
  readonly port: number;
  /** @default "127.0.0.1" (`HOST`; use 0.0.0.0 in a container) */
  readonly host: string;
  /** The platform's API base URL; absent means the embedded emulator (`PLATFORM_API_URL`). */
  readonly platformApiUrl?: string;
  /** PostgreSQL URL for the ticket store; absent means the embedded store (`DATABASE_URL`). */
  readonly databaseUrl?: string;
  /** @default "info" (`LOG_LEVEL`) */
  readonly logLevel: LogLevel;
  /** `NODE_ENV=development`: errors carry stack traces. @default false */
  readonly isDevelopment: boolean;
  /** How long a checked credential stays trusted, in ms. @default 30000 (`AUTH_CACHE_TTL_MS`) */
  readonly authCacheTtlMs: number;
  /**
   * How long component definitions are reused across one caller's requests, in ms; 0 reads them every request.
   * @default 300000 (`COMPONENT_CACHE_TTL_MS`)
   */
  readonly componentCacheTtlMs: number;
  /** How long one platform request may take per attempt, in ms. @default 15000 (`UPSTREAM_TIMEOUT_MS`) */
  readonly upstreamTimeoutMs: number;
  /** How long shutdown waits for requests in flight, in ms. @default 10000 (`SHUTDOWN_TIMEOUT_MS`) */
  readonly shutdownTimeoutMs: number;
  /**
   * Browser origins (scheme, host and port) allowed to call the gateway cross-origin, e.g. a dashboard or Apollo
   * Studio. @default [] (`CORS_ORIGINS`, comma-separated): browsers on other origins may not call it.
   */
  readonly corsOrigins: readonly string[];
  readonly limits: GatewayLimits;
  /** Ticket storage and delivery (`DATA_DIR`, `TICKET_DELIVERY`, `SUPPORT_EMAIL`, `SMTP_URL`, ...). */
  readonly tickets: TicketConfig;
  /** The error inbox's watcher (`INBOX_WATCH`, `INBOX_SECRET_KEY`, `INBOX_WATCH_INTERVAL_MS`); off by default. */
  readonly inbox: InboxConfig;
  /** Alert channels and console links (`ALERT_CHANNELS` or `ALERT_CHANNELS_FILE`, `GATEWAY_PUBLIC_URL`). */
  readonly alerts: AlertConfig;
  /** GraphQL subscriptions over WebSocket (`LIVE_POLL_MS`, `MAX_WS_CONNECTIONS`, ...). */
  readonly live: LiveConfig;
  /** OpenTelemetry tracing (`OTEL_TRACES_EXPORTER`, `OTEL_SERVICE_NAME`, `OTEL_SDK_DISABLED`); off by default. */
  readonly tracing: TracingConfig;
}

type Env = Readonly<Record<string, string | undefined>>;

export interface IntRule {
  readonly name: string;
  readonly fallback: number;
  readonly min: number;
  readonly max: number;
}

export const readInt = (env: Env, rule: IntRule, problems: string[]): number => {
  const raw = env[rule.name]?.trim();
  if (raw === undefined || raw === "") return rule.fallback;
  const value = Number(raw);
  if (/^\d+$/.test(raw) && value >= rule.min && value <= rule.max) return value;
  problems.push(`${rule.name} must be an integer from ${rule.min} to ${rule.max} (got "${raw}")`);
  return rule.fallback;
};

const readUrl = (env: Env, name: string, protocols: readonly string[], problems: string[]) => {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return undefined;
  // The value is not echoed: URLs may carry passwords.
  const rule = `${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`;
  if (!URL.canParse(raw)) {
    problems.push(`${rule} (it does not parse as a URL)`);
    return undefined;
  }
  if (!protocols.includes(new URL(raw).protocol)) {
    problems.push(`${rule} (it has another scheme)`);
    return undefined;
  }
  return raw;
};

const PLATFORM_API_EXAMPLE = "https://api.elastic.io";

const platformApiUrlProblem = (url: URL, path: string): string | undefined => {
  if (url.username !== "" || url.password !== "")
    return "must not carry a user name or password (the gateway calls the platform with each caller's login)";
  if (/\/v2$/i.test(path)) return "must be the API's base URL without /v2 (the gateway adds it)";
  if (url.search !== "" || url.hash !== "") return "must be the API's base URL without a query or fragment";
  return undefined;
};

/**
 * The platform client appends `/v2/...` itself and refuses a base URL with `/v2`, a query, a fragment or a login,
 * which would make every query fail; refused here so the start says so. Trailing slashes are dropped.
 */
const readPlatformApiUrl = (env: Env, problems: string[]): string | undefined => {
  const raw = readUrl(env, "PLATFORM_API_URL", ["http:", "https:"], problems);
  if (raw === undefined) return undefined;
  const url = new URL(raw);
  const path = url.pathname.replace(/\/+$/, "");
  const problem = platformApiUrlProblem(url, path);
  if (problem === undefined) return `${url.origin}${path}`;
  problems.push(`PLATFORM_API_URL ${problem}, e.g. ${PLATFORM_API_EXAMPLE}`);
  return undefined;
};

const readLogLevel = (env: Env, problems: string[]): LogLevel => {
  const raw = env.LOG_LEVEL?.trim().toLowerCase();
  if (raw === undefined || raw === "") return "info";
  if ((LOG_LEVEL_NAMES as readonly string[]).includes(raw)) return raw as LogLevel;
  problems.push(`LOG_LEVEL must be one of ${LOG_LEVEL_NAMES.join(", ")} (got "${env.LOG_LEVEL}")`);
  return "info";
};

const readHost = (env: Env, problems: string[]): string => {
  const raw = env.HOST?.trim();
  if (raw === undefined || raw === "") return "127.0.0.1";
  if (/^[A-Za-z0-9.:[\]-]+$/.test(raw)) return raw;
  problems.push(`HOST must be a host name or IP address such as 127.0.0.1 or 0.0.0.0 (got "${raw}")`);
  return "127.0.0.1";
};

const ORIGIN_EXAMPLE = "https://dashboard.example.com";

/** Whether a value is exactly an origin as browsers send it: http(s), host, optional port, nothing after. */
const isOrigin = (value: string): boolean =>
  URL.canParse(value) &&
  ["http:", "https:"].includes(new URL(value).protocol) &&
  new URL(value).origin === value;

const readCorsOrigins = (env: Env, problems: string[]): readonly string[] => {
  const entries = (env.CORS_ORIGINS ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter((entry) => entry !== "");
  const malformed = entries.filter((entry) => !isOrigin(entry));
  for (const entry of malformed)
    problems.push(
      `CORS_ORIGINS must list origins (scheme, host and optional port; no path, no trailing slash, no wildcard) separated by commas, e.g. ${ORIGIN_EXAMPLE},http://localhost:5173 (got ${JSON.stringify(entry)})`,
    );
  return malformed.length === 0 ? [...new Set(entries)] : [];
};

const readLimits = (env: Env, problems: string[]): GatewayLimits => {
  const limits = readLimitValues(env, problems);
  if (limits.maxCostPerMinute < limits.maxQueryCost)
    problems.push(
      `MAX_COST_PER_MINUTE must be at least MAX_QUERY_COST (${limits.maxQueryCost}), or no query at the limit could ever run (got ${limits.maxCostPerMinute})`,
    );
  return limits;
};

const readLimitValues = (env: Env, problems: string[]): GatewayLimits => ({
  maxQueryDepth: readInt(env, { name: "MAX_QUERY_DEPTH", fallback: 12, min: 2, max: 100 }, problems),
  maxQueryCost: readInt(
    env,
    { name: "MAX_QUERY_COST", fallback: 20_000, min: 10, max: 10_000_000 },
    problems,
  ),
  maxQueryAliases: readInt(env, { name: "MAX_QUERY_ALIASES", fallback: 30, min: 0, max: 10_000 }, problems),
  maxQueryDirectives: readInt(
    env,
    { name: "MAX_QUERY_DIRECTIVES", fallback: 50, min: 0, max: 10_000 },
    problems,
  ),
  maxQueryTokens: readInt(
    env,
    { name: "MAX_QUERY_TOKENS", fallback: 5000, min: 100, max: 1_000_000 },
    problems,
  ),
  maxConcurrentOperationsPerCaller: readInt(
    env,
    { name: "MAX_CONCURRENT_OPERATIONS_PER_CALLER", fallback: 16, min: 1, max: 10_000 },
    problems,
  ),
  maxCostPerMinute: readInt(
    env,
    { name: "MAX_COST_PER_MINUTE", fallback: 200_000, min: 10, max: 1_000_000_000 },
    problems,
  ),
  maxPageSize: readInt(env, { name: "MAX_PAGE_SIZE", fallback: 100, min: 1, max: 1000 }, problems),
  maxBodyBytes: readInt(
    env,
    { name: "MAX_BODY_BYTES", fallback: 1_048_576, min: 1024, max: 104_857_600 },
    problems,
  ),
  maxLogScan: readInt(env, { name: "MAX_LOG_SCAN", fallback: 5000, min: 100, max: 10_000 }, problems),
  maxConcurrentScans: readInt(env, { name: "MAX_CONCURRENT_SCANS", fallback: 8, min: 1, max: 256 }, problems),
  maxConcurrentOperations: readInt(
    env,
    { name: "MAX_CONCURRENT_OPERATIONS", fallback: 64, min: 1, max: 10_000 },
    problems,
  ),
  probePrivateNetworks: readSwitch(env, "PROBE_PRIVATE_NETWORKS", problems),
});

const SWITCH_VALUES: Readonly<Record<string, boolean>> = {
  on: true,
  true: true,
  "1": true,
  off: false,
  false: false,
  "0": false,
};

/** An on/off variable; unset is off. */
const readSwitch = (env: Env, name: string, problems: string[]): boolean => {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === "") return false;
  const value = SWITCH_VALUES[raw];
  if (value === undefined) problems.push(`${name} must be on or off (got ${JSON.stringify(env[name])})`);
  return value ?? false;
};

/** `OTEL_TRACES_EXPORTER`: a comma-separated list; unset or `none` is off, as is `OTEL_SDK_DISABLED=true`. */
const readTracing = (env: Env, problems: string[]): TracingConfig => {
  const serviceName = env.OTEL_SERVICE_NAME?.trim() || "flowdoctor-gateway";
  if (env.OTEL_SDK_DISABLED?.trim().toLowerCase() === "true") return { exporters: [], serviceName };
  const names = (env.OTEL_TRACES_EXPORTER ?? "").split(",").map((name) => name.trim().toLowerCase());
  const exporters = new Set<Exclude<TracesExporter, "none">>();
  for (const name of names.filter((item) => item !== "")) {
    if (!(TRACES_EXPORTERS as readonly string[]).includes(name))
      problems.push(`OTEL_TRACES_EXPORTER must list ${TRACES_EXPORTERS.join(", ")} (got "${name}")`);
    else if (name !== "none") exporters.add(name as Exclude<TracesExporter, "none">);
  }
  return { exporters: [...exporters], serviceName };
};

/**
 * Reads and validates the gateway's configuration from environment variables.
 * Throws one `GATEWAY_INVALID_CONFIG` error that lists every broken variable and its rule.
 */
export const loadConfig = (env: Env = process.env): GatewayConfig => {
  const problems: string[] = [];
  const platformApiUrl = readPlatformApiUrl(env, problems);
  const databaseUrl = readUrl(env, "DATABASE_URL", ["postgres:", "postgresql:"], problems);
  const tickets = readTicketConfig(env, problems);
  const config: GatewayConfig = {
    port: readInt(env, { name: "PORT", fallback: 4000, min: 0, max: 65_535 }, problems),
    host: readHost(env, problems),
    ...(platformApiUrl === undefined ? {} : { platformApiUrl }),
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    logLevel: readLogLevel(env, problems),
    isDevelopment: env.NODE_ENV?.trim() === "development",
    authCacheTtlMs: readInt(
      env,
      { name: "AUTH_CACHE_TTL_MS", fallback: 30_000, min: 0, max: 3_600_000 },
      problems,
    ),
    componentCacheTtlMs: readInt(
      env,
      { name: "COMPONENT_CACHE_TTL_MS", fallback: 300_000, min: 0, max: 86_400_000 },
      problems,
    ),
    upstreamTimeoutMs: readInt(
      env,
      { name: "UPSTREAM_TIMEOUT_MS", fallback: 15_000, min: 100, max: 600_000 },
      problems,
    ),
    shutdownTimeoutMs: readInt(
      env,
      { name: "SHUTDOWN_TIMEOUT_MS", fallback: 10_000, min: 0, max: 600_000 },
      problems,
    ),
    corsOrigins: readCorsOrigins(env, problems),
    limits: readLimits(env, problems),
    tickets,
    inbox: readInboxConfig(env, problems),
    alerts: readAlertConfig(env, problems, tickets),
    live: readLiveConfig(env, problems),
    tracing: readTracing(env, problems),
  };
  if (problems.length > 0) {
    throw new GatewayError("GATEWAY_INVALID_CONFIG", `invalid configuration:\n- ${problems.join("\n- ")}`);
  }
  return config;
};
