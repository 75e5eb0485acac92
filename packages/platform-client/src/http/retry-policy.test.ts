import { describe, expect, it } from "vitest";
import { PlatformError, type PlatformErrorCode } from "../errors.js";
import { resolveOptions } from "../options.js";
import { parseRetryAfter } from "./retry-after.js";
import { RetryBudget } from "./retry-budget.js";
import { backoffDelay, isRetryable, retryDelay } from "./retry-policy.js";
import { createTransport } from "./transport.js";

const error = (
  code: PlatformErrorCode,
  extra: { status?: number; retryAfterMs?: number; cause?: unknown } = {},
) => new PlatformError(code, "x", extra);

const transportWith = (overrides: object = {}) =>
  createTransport(
    resolveOptions({
      baseUrl: "http://127.0.0.1:1",
      email: "a@b.c",
      apiKey: "k",
      retryDelayMs: 100,
      ...overrides,
    }),
  );

describe("retry policy", () => {
  it("retries idempotent requests on network errors, timeouts, 429 and 502/503/504 only", () => {
    expect(isRetryable("GET", error("PLATFORM_NETWORK"))).toBe(true);
    expect(isRetryable("GET", error("PLATFORM_TIMEOUT"))).toBe(true);
    expect(isRetryable("GET", error("PLATFORM_RATE_LIMITED", { status: 429 }))).toBe(true);
    for (const status of [502, 503, 504])
      expect(isRetryable("GET", error("PLATFORM_UNAVAILABLE", { status }))).toBe(true);
    expect(isRetryable("GET", error("PLATFORM_UNAVAILABLE", { status: 500 }))).toBe(false);
    for (const code of [
      "PLATFORM_NOT_FOUND",
      "PLATFORM_FORBIDDEN",
      "PLATFORM_CONFLICT",
      "PLATFORM_DECODE",
    ] as const) {
      expect(isRetryable("GET", error(code))).toBe(false);
    }
  });

  it("retries a state-changing request only when the server surely did not act on it", () => {
    expect(isRetryable("POST", error("PLATFORM_UNAVAILABLE", { status: 503 }))).toBe(false);
    expect(
      isRetryable(
        "POST",
        error("PLATFORM_NETWORK", { cause: Object.assign(new Error("reset"), { code: "ECONNRESET" }) }),
      ),
    ).toBe(false);
    expect(
      isRetryable(
        "POST",
        error("PLATFORM_TIMEOUT", {
          cause: Object.assign(new Error("t"), { code: "UND_ERR_HEADERS_TIMEOUT" }),
        }),
      ),
    ).toBe(false);
    expect(
      isRetryable(
        "POST",
        error("PLATFORM_NETWORK", { cause: Object.assign(new Error("refused"), { code: "ECONNREFUSED" }) }),
      ),
    ).toBe(true);
    expect(isRetryable("POST", error("PLATFORM_RATE_LIMITED", { status: 429 }))).toBe(true);
  });

  it("backs off exponentially with jitter, capped", () => {
    const transport = transportWith({ maxRetryDelayMs: 300 });
    expect(backoffDelay(transport, 1, () => 0)).toBe(50);
    expect(backoffDelay(transport, 1, () => 1)).toBe(100);
    expect(backoffDelay(transport, 2, () => 1)).toBe(200);
    expect(backoffDelay(transport, 5, () => 1)).toBe(300);
  });

  it("waits what Retry-After asks, but surfaces a wait longer than the client allows", () => {
    const transport = transportWith({ maxRetryAfterMs: 2_000 });
    expect(retryDelay(transport, "GET", error("PLATFORM_RATE_LIMITED", { retryAfterMs: 1_000 }), 1)).toBe(
      1_000,
    );
    expect(
      retryDelay(transport, "GET", error("PLATFORM_RATE_LIMITED", { retryAfterMs: 5_000 }), 1),
    ).toBeUndefined();
    expect(retryDelay(transport, "GET", error("PLATFORM_NETWORK"), 3)).toBeUndefined();
    expect(retryDelay(transport, "GET", new Error("abort"), 1)).toBeUndefined();
  });

  it("stops retrying when the budget is spent and earns it back with requests", () => {
    const budget = new RetryBudget({ ratio: 0.5, burst: 2 });
    expect([budget.tryWithdraw(), budget.tryWithdraw(), budget.tryWithdraw()]).toEqual([true, true, false]);
    budget.deposit();
    expect(budget.tryWithdraw()).toBe(false);
    budget.deposit();
    expect(budget.tryWithdraw()).toBe(true);
  });

  it("parses Retry-After as seconds or as an HTTP date", () => {
    expect(parseRetryAfter("2")).toBe(2_000);
    expect(parseRetryAfter(undefined)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    const now = Date.parse("2026-11-25T03:00:00Z");
    expect(parseRetryAfter("Wed, 25 Nov 2026 03:00:05 GMT", now)).toBe(5_000);
    expect(parseRetryAfter("Wed, 25 Nov 2026 02:00:00 GMT", now)).toBe(0);
  });
});
