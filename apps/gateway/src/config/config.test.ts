import { describe, expect, it } from "vitest";
import { loadConfig } from "./config.js";

const problemsOf = (env: Record<string, string>): string => {
  try {
    loadConfig(env);
  } catch (error) {
    expect((error as { code?: string }).code).toBe("GATEWAY_INVALID_CONFIG");
    return (error as Error).message;
  }
  throw new Error("expected loadConfig to throw");
};

describe("loadConfig", () => {
  it("uses the documented defaults for an empty environment", () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe("127.0.0.1");
    expect(config.platformApiUrl).toBeUndefined();
    expect(config.databaseUrl).toBeUndefined();
    expect(config.logLevel).toBe("info");
    expect(config.isDevelopment).toBe(false);
    expect(config.corsOrigins).toEqual([]);
    expect(config.limits).toEqual({
      maxQueryDepth: 12,
      maxQueryCost: 20_000,
      maxQueryAliases: 30,
      maxQueryDirectives: 50,
      maxQueryTokens: 5000,
      maxConcurrentOperationsPerCaller: 16,
      maxCostPerMinute: 200_000,
      maxConcurrentScans: 8,
      maxConcurrentOperations: 64,
      maxPageSize: 100,
      maxBodyBytes: 1_048_576,
      maxLogScan: 5000,
      probePrivateNetworks: false,
    });
  });

  it("reads every variable it documents", () => {
    const config = loadConfig({
      PORT: "0",
      HOST: "0.0.0.0",
      PLATFORM_API_URL: "https://api.elastic.io",
      DATABASE_URL: "postgres://u@db:5432/flowdoctor",
      LOG_LEVEL: "DEBUG",
      NODE_ENV: "development",
      MAX_PAGE_SIZE: "25",
      MAX_QUERY_DEPTH: "8",
      MAX_QUERY_COST: "500",
      MAX_BODY_BYTES: "4096",
      MAX_LOG_SCAN: "200",
      MAX_CONCURRENT_SCANS: "2",
      MAX_CONCURRENT_OPERATIONS: "16",
      MAX_QUERY_ALIASES: "5",
      MAX_QUERY_DIRECTIVES: "6",
      MAX_QUERY_TOKENS: "700",
      MAX_CONCURRENT_OPERATIONS_PER_CALLER: "3",
      MAX_COST_PER_MINUTE: "9000",
      PROBE_PRIVATE_NETWORKS: "on",
      AUTH_CACHE_TTL_MS: "0",
      UPSTREAM_TIMEOUT_MS: "2500",
    });
    expect(config).toMatchObject({
      port: 0,
      host: "0.0.0.0",
      platformApiUrl: "https://api.elastic.io",
      databaseUrl: "postgres://u@db:5432/flowdoctor",
      logLevel: "debug",
      isDevelopment: true,
      authCacheTtlMs: 0,
      upstreamTimeoutMs: 2500,
      limits: {
        maxPageSize: 25,
        maxQueryDepth: 8,
        maxQueryCost: 500,
        maxBodyBytes: 4096,
        maxLogScan: 200,
        maxConcurrentScans: 2,
        maxConcurrentOperations: 16,
        maxQueryAliases: 5,
        maxQueryDirectives: 6,
        maxQueryTokens: 700,
        maxConcurrentOperationsPerCaller: 3,
        maxCostPerMinute: 9000,
        probePrivateNetworks: true,
      },
    });
  });

  it("refuses a budget per minute smaller than one query at the cost limit", () => {
    expect(() => loadConfig({ MAX_QUERY_COST: "5000", MAX_COST_PER_MINUTE: "4000" })).toThrow(
      /MAX_COST_PER_MINUTE must be at least MAX_QUERY_COST \(5000\)/,
    );
  });

  it("names every broken variable and its rule in one error", () => {
    const message = problemsOf({
      PORT: "80a",
      LOG_LEVEL: "loud",
      MAX_PAGE_SIZE: "0",
      PROBE_PRIVATE_NETWORKS: "maybe",
    });
    expect(message).toContain('PROBE_PRIVATE_NETWORKS must be on or off (got "maybe")');
    expect(message).toContain('PORT must be an integer from 0 to 65535 (got "80a")');
    expect(message).toContain("LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent");
    expect(message).toContain('MAX_PAGE_SIZE must be an integer from 1 to 1000 (got "0")');
  });

  it("rejects URLs with the wrong scheme without echoing them", () => {
    const message = problemsOf({
      PLATFORM_API_URL: "ftp://secret:pw@example.com",
      DATABASE_URL: "mysql://root:hunter2@db/x",
    });
    expect(message).toContain("PLATFORM_API_URL must be a URL starting with http:// or https://");
    expect(message).toContain("DATABASE_URL must be a URL starting with postgres:// or postgresql://");
    expect(message).not.toContain("hunter2");
    expect(message).not.toContain("pw@");
  });

  it("refuses a PLATFORM_API_URL the platform client would refuse on every query, naming a valid value", () => {
    const valid = "e.g. https://api.elastic.io";
    for (const url of ["https://api.elastic.io/v2", "https://api.elastic.io/v2/", "http://127.0.0.1:9000/V2"])
      expect(problemsOf({ PLATFORM_API_URL: url })).toContain(
        `PLATFORM_API_URL must be the API's base URL without /v2 (the gateway adds it), ${valid}`,
      );
    for (const url of ["https://api.elastic.io/?tenant=1", "https://api.elastic.io/#top"])
      expect(problemsOf({ PLATFORM_API_URL: url })).toContain(
        `PLATFORM_API_URL must be the API's base URL without a query or fragment, ${valid}`,
      );
    const withLogin = problemsOf({ PLATFORM_API_URL: "https://ops:hunter2@api.elastic.io" });
    expect(withLogin).toContain("PLATFORM_API_URL must not carry a user name or password");
    expect(withLogin).not.toContain("hunter2");
  });

  it("drops trailing slashes from PLATFORM_API_URL and keeps a proxy's path prefix", () => {
    expect(loadConfig({ PLATFORM_API_URL: "https://api.elastic.io/" }).platformApiUrl).toBe(
      "https://api.elastic.io",
    );
    expect(loadConfig({ PLATFORM_API_URL: "https://proxy.example/elastic//" }).platformApiUrl).toBe(
      "https://proxy.example/elastic",
    );
  });

  it("reads CORS_ORIGINS as a list of origins", () => {
    const config = loadConfig({
      CORS_ORIGINS: " https://dash.example.com , http://localhost:5173,https://dash.example.com",
    });
    expect(config.corsOrigins).toEqual(["https://dash.example.com", "http://localhost:5173"]);
  });

  it("refuses a CORS_ORIGINS entry that is not an origin, naming it and a valid value", () => {
    for (const entry of [
      "https://dash.example.com/",
      "dash.example.com",
      "*",
      "https://dash.example.com/app",
      "ftp://x.example",
    ]) {
      const message = problemsOf({ CORS_ORIGINS: `http://localhost:5173,${entry}` });
      expect(message).toContain(`CORS_ORIGINS must list origins`);
      expect(message).toContain(`(got ${JSON.stringify(entry)})`);
      expect(message).toContain("e.g. https://dashboard.example.com");
    }
  });

  it("rejects a value that is not a URL at all", () => {
    expect(problemsOf({ PLATFORM_API_URL: "api.elastic.io" })).toContain("does not parse as a URL");
  });
});
