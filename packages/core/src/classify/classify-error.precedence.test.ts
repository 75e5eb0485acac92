import { describe, expect, it } from "vitest";
import { classifyError } from "./classify-error.js";

const signals = (result: ReturnType<typeof classifyError>): string[] =>
  result.evidence.map((item) => item.signal);

describe("classifyError: texts designed to mislead", () => {
  it("does not read an id containing 401 as a status", () => {
    const result = classifyError({
      message: "Failed to update contact 5f401c2e9b1d4a0012345678: connect ETIMEDOUT 52.1.2.3:443",
    });
    expect(result.cause).toBe("SYSTEM_DOWNTIME");
    expect(signals(result)).not.toContain("httpStatusInText");
  });

  it("does not read 403 in a URL path as a status", () => {
    const result = classifyError({
      message: "GET https://api.shop.example/v2/orders/403/lines failed: Error: socket hang up",
    });
    expect(result.cause).toBe("SYSTEM_DOWNTIME");
    expect(signals(result)).not.toContain("httpStatusInText");
  });

  it("does not read a field named like a timeout as a timeout", () => {
    const mapping = classifyError({
      message:
        'Code: 422 Message: Unprocessable Entity Body: {"requestTimeout":60000,"timeout": 30,"errors":["sku must be a string"]}',
    });
    expect(mapping.cause).toBe("MAPPING");
    expect(signals(mapping)).not.toContain("timeoutWords");
    expect(classifyError({ message: '{"timeout_ms":5000,"retries":3}' }).cause).toBe("UNKNOWN");
    expect(classifyError({ message: "options: { timeout: 30000 }" }).cause).toBe("UNKNOWN");
  });

  it("ignores a 200 status in the same text", () => {
    const result = classifyError({
      message:
        "Got response with status 200 but the body was <!DOCTYPE html><html>: Unexpected token < in JSON at position 0",
    });
    expect(result.cause).toBe("ANSWER_STRUCTURE");
  });

  it("does not blame the component for a TypeError whose frames are all in node_modules or Node internals", () => {
    const stack = [
      "TypeError: Cannot read properties of undefined (reading 'length')",
      "    at Parser.parseString (/home/node/node_modules/xml2js/lib/parser.js:304:22)",
      "    at processTicksAndRejections (node:internal/process/task_queues:95:5)",
    ].join("\n");
    const result = classifyError({
      message: "TypeError: Cannot read properties of undefined (reading 'length')",
      stack,
    });
    expect(result.cause).toBe("ANSWER_STRUCTURE");
    expect(signals(result)).not.toContain("ownStackFrame");
    expect(signals(result)).toContain("libraryReadOfNothing");
  });

  it("blames the code for a property read of nothing when no frame or property points at an answer", () => {
    const bare = classifyError({
      message: "TypeError: Cannot read properties of undefined (reading 'filter')",
    });
    expect(bare.cause).toBe("COMPONENT_ERROR");
    expect(signals(bare)).toContain("readOfNothing");
    expect(classifyError({ message: "TypeError: Cannot read property 'items' of undefined" }).cause).toBe(
      "ANSWER_STRUCTURE",
    );
  });

  it("blames the component for the same TypeError thrown from its own file", () => {
    const stack = [
      "TypeError: Cannot read properties of undefined (reading 'length')",
      "    at buildQuery (/home/node/lib/utils/query.js:14:30)",
      "    at processTicksAndRejections (node:internal/process/task_queues:95:5)",
    ].join("\n");
    const result = classifyError({
      message: "TypeError: Cannot read properties of undefined (reading 'length')",
      stack,
    });
    expect(result.cause).toBe("COMPONENT_ERROR");
    expect(result.evidence).toContainEqual({
      signal: "ownStackFrame",
      source: "stack",
      value: "at buildQuery (/home/node/lib/utils/query.js:14:30)",
    });
  });

  it("does not read causes out of function and file names in stack frames", () => {
    const message = [
      "Error: Code: 409 Message: Conflict",
      "    at RateLimiter.validateRequired (/home/node/node_modules/limiter/lib/timeout.js:12:9)",
      "    at Unauthorized.check (/home/node/node_modules/auth/lib/forbidden.js:3:1)",
    ].join("\n");
    const result = classifyError({ message });
    expect(result.cause).toBe("MAPPING");
    expect(signals(result)).toEqual(["httpStatusInText"]);
  });

  it("does not take timestamps and counts for statuses", () => {
    expect(
      classifyError({ message: "[2026-11-24T10:00:00.401Z] processing 500 records took 503 ms" }).cause,
    ).toBe("UNKNOWN");
  });
});

describe("classifyError: the most specific cause wins", () => {
  it("prefers Rebound limit exceeded over downtime words in the same line", () => {
    const result = classifyError({
      message: "Rebound limit exceeded (last reason: 503 Service Unavailable, ECONNRESET)",
    });
    expect(result.cause).toBe("REBOUND_EXHAUSTED");
  });

  it("prefers OOMKilled over failed to start", () => {
    expect(classifyError({ message: "Component failed to start: OOMKilled" }).cause).toBe("OUT_OF_MEMORY");
  });

  it("prefers exit code 137 over a misleading message", () => {
    const result = classifyError({
      message: "Component failed to start",
      context: { containerExit: { state: "Killed", exitCode: 137, reason: "Error" } },
    });
    expect(result.cause).toBe("OUT_OF_MEMORY");
    expect(result.evidence[0]).toEqual({
      signal: "containerOomExit",
      source: "container",
      value: "state Killed, exit code 137, reason Error",
    });
  });

  it("prefers an explicit statusCode over words in the text", () => {
    expect(classifyError({ message: "connect ECONNREFUSED 10.0.0.1:443", statusCode: 401 }).cause).toBe(
      "INVALID_CREDENTIALS",
    );
  });

  it("prefers JSONata codes over generic validation words", () => {
    const result = classifyError({
      message: 'D3030: Unable to cast value to a number: "abc" is required to be numeric',
    });
    expect(result.cause).toBe("MAPPING");
    expect(result.evidence[0]?.signal).toBe("jsonataCode");
  });

  it("prefers invalid JSON over a bare TypeError", () => {
    expect(classifyError({ message: "TypeError: Unexpected token < in JSON at position 0" }).cause).toBe(
      "ANSWER_STRUCTURE",
    );
  });

  it("prefers the sailor's publish failure over a generic 'Cannot read property'", () => {
    expect(classifyError({ message: "TypeError: Cannot read property 'publish' of undefined" }).cause).toBe(
      "MESSAGING_FAILURE",
    );
  });

  it("prefers a missing env variable over 'is required'", () => {
    expect(classifyError({ message: "Environment variable ELASTICIO_API_KEY is required" }).cause).toBe(
      "COMPONENT_ERROR",
    );
  });

  it("reads HTML with a 503 in it as downtime, and bare HTML as a wrong answer", () => {
    expect(classifyError({ message: "<html><title>503 Service Unavailable</title></html>" }).cause).toBe(
      "SYSTEM_DOWNTIME",
    );
    expect(
      classifyError({ message: "Parsing failed: <!DOCTYPE html><html><body>Login</body></html>" }).cause,
    ).toBe("ANSWER_STRUCTURE");
  });
});

describe("classifyError: what a 429 means", () => {
  it("is RATE_LIMITED from an external API", () => {
    expect(classifyError({ message: "Code: 429 Message: Too Many Requests" }).cause).toBe("RATE_LIMITED");
    expect(classifyError({ message: "Request failed", statusCode: 429 }).cause).toBe("RATE_LIMITED");
  });

  it("is QUEUE_OVERFLOW at a webhook whose first step's queue is full", () => {
    const result = classifyError({
      message: "429 Too Many Requests",
      context: {
        webhook: true,
        queueStats: { stepId: "step_1", total: 75_000, ready: 75_000, unacked: 0, rebounds: 0 },
      },
    });
    expect(result.cause).toBe("QUEUE_OVERFLOW");
  });

  it("is QUOTA_EXCEEDED at a webhook over its requests-per-minute quota", () => {
    const result = classifyError({
      message: "429 Too Many Requests: webhook requests per minute quota exceeded",
    });
    expect(result.cause).toBe("QUOTA_EXCEEDED");
    expect(result.confidence).toBeGreaterThanOrEqual(0.84);
  });

  it("is QUOTA_EXCEEDED with lower confidence at a webhook without a further hint", () => {
    const result = classifyError({ message: "Request failed", statusCode: 429, context: { webhook: true } });
    const hinted = classifyError({
      message: "429 Too Many Requests: webhook requests per minute quota exceeded",
    });
    expect(result.cause).toBe("QUOTA_EXCEEDED");
    expect(result.confidence).toBeLessThan(hinted.confidence - 0.1);
  });

  it("reads a 403 or 503 whose body says the caller was throttled as a rate limit, whatever the status's source", () => {
    const bodies = [
      { message: '{"message":"You have exceeded a secondary rate limit."}', statusCode: 403 },
      { message: 'Request failed with status code 403 {"errors":[{"reason":"userRateLimitExceeded"}]}' },
      { message: "Please reduce your request rate. (Status Code: 503; Error Code: SlowDown)" },
    ];
    for (const input of bodies) expect(classifyError(input).cause).toBe("RATE_LIMITED");
    expect(classifyError({ message: "Code: 403 Message: Forbidden" }).cause).toBe("INVALID_CREDENTIALS");
    expect(classifyError({ message: "Code: 503 Message: Service Unavailable" }).cause).toBe(
      "SYSTEM_DOWNTIME",
    );
  });

  it("reads a refresh token the token endpoint refuses with a 400 as a credential problem, not as bad data", () => {
    for (const message of [
      "Invalid refresh_token: 3f9c2e7a.",
      "This refresh token is not valid for logging in",
    ])
      expect(classifyError({ message, statusCode: 400 }).cause).toBe("INVALID_CREDENTIALS");
    expect(classifyError({ message: "Invalid date: 2024-13-45.", statusCode: 400 }).cause).toBe("MAPPING");
  });

  it("reads statuses in more clients' wrappers, and database, token and memory texts of common drivers", () => {
    const cases: [string, string][] = [
      ['StatusCodeError: 401 - {"error":"nope"}', "INVALID_CREDENTIALS"],
      ["requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url", "INVALID_CREDENTIALS"],
      ["Response status code does not indicate success: 404 (Not Found).", "MAPPING"],
      ["error: Connection terminated unexpectedly", "SYSTEM_DOWNTIME"],
      ["Lost connection to MySQL server during query", "SYSTEM_DOWNTIME"],
      ["Error: jwt expired", "INVALID_CREDENTIALS"],
      ['FATAL: no pg_hba.conf entry for host "10.0.0.4"', "INVALID_CREDENTIALS"],
      ["Error: Cannot allocate memory", "OUT_OF_MEMORY"],
    ];
    for (const [message, cause] of cases)
      expect([message, classifyError({ message }).cause]).toEqual([message, cause]);
  });

  it("reads a publish refused by a full queue as queue overflow, not as the broker failing", () => {
    const message =
      "Failed to publish message to queue of step_2: queue is full (reject-publish, 71640 messages), retrying in 12800 ms";
    expect(classifyError({ message }).cause).toBe("QUEUE_OVERFLOW");
    expect(
      classifyError({ message: "Failed to publish the message to a queue after 10 retries" }).cause,
    ).toBe("MESSAGING_FAILURE");
  });
});
