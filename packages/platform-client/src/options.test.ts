import { describe, expect, it } from "vitest";
import { isPlatformError } from "./errors.js";
import { type PlatformClientOptions, resolveOptions } from "./options.js";

const valid: PlatformClientOptions = {
  baseUrl: "https://api.elastic.io",
  email: "ops@example.com",
  apiKey: "secret-key",
};

const errorOf = (options: unknown): unknown => {
  try {
    resolveOptions(options as PlatformClientOptions);
  } catch (error) {
    return error;
  }
  return undefined;
};

describe("resolveOptions", () => {
  it("fills in the documented defaults", () => {
    expect(resolveOptions(valid)).toMatchObject({
      origin: "https://api.elastic.io",
      basePath: "",
      timeoutMs: 30_000,
      retries: 2,
      retryDelayMs: 200,
      maxRetryDelayMs: 5_000,
      maxRetryAfterMs: 30_000,
      retryBudget: { ratio: 0.2, burst: 10 },
      maxConnections: 10,
      pageSize: 100,
      dispatcher: undefined,
      hooks: {},
    });
  });

  it("keeps a white-label base path and strips its trailing slash", () => {
    expect(resolveOptions({ ...valid, baseUrl: "https://example.com/platform/" })).toMatchObject({
      origin: "https://example.com",
      basePath: "/platform",
    });
  });

  it.each([
    [{ baseUrl: "api.elastic.io" }, 'option "baseUrl" must be an absolute http(s) URL'],
    [{ baseUrl: "ftp://api.elastic.io" }, 'option "baseUrl" must use http or https'],
    [{ baseUrl: "https://api.elastic.io/v2" }, 'option "baseUrl" must not end in /v2'],
    [{ email: "" }, 'option "email" must be a non-empty string'],
    [{ apiKey: undefined }, 'option "apiKey" must be a non-empty string'],
    [{ timeoutMs: 0 }, 'option "timeoutMs" must be an integer from 1 to 3600000'],
    [{ retries: 1.5 }, 'option "retries" must be an integer from 0 to 10'],
    [{ maxConnections: 0 }, 'option "maxConnections" must be an integer from 1 to 1024'],
    [{ retryBudget: { ratio: 2 } }, 'option "retryBudget.ratio" must be a number from 0 to 1'],
    [{ dispatcher: {} }, 'option "dispatcher" must be an undici Dispatcher'],
    [{ hooks: { onRequest: "x" } }, 'option "hooks.onRequest" must be a function'],
  ])("rejects %j naming the option and the rule", (override, message) => {
    const error = errorOf({ ...valid, ...override });
    expect(isPlatformError(error) && error.code).toBe("PLATFORM_INVALID_OPTION");
    expect((error as Error).message).toContain(message);
  });

  it("never puts the API key into a message", () => {
    const error = errorOf({ ...valid, apiKey: "secret-key", timeoutMs: -1 });
    expect((error as Error).message).not.toContain("secret-key");
  });
});
