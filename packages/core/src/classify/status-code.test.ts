import { describe, expect, it } from "vitest";
import { causeOfStatusCode, findStatusCode } from "./status-code.js";

describe("findStatusCode", () => {
  it.each([
    ["Error: Code: 401 Message: Unauthorized Body: {}", 401, "Code: 401"],
    ['Got error "Forbidden", status - "403", body: {"a":1}', 403, 'status - "403'],
    ["Request failed with status code 503", 503, "status code 503"],
    ["HTTP 502 Bad Gateway", 502, "HTTP 502"],
    ["HTTP/1.1 504 Gateway Time-out", 504, "HTTP/1.1 504"],
    ['{"statusCode":429,"error":"Too Many Requests"}', 429, 'statusCode":429'],
    ['{"status": 422, "title": "Unprocessable Entity"}', 422, 'status": 422'],
    ["Server returned HTTP response code: 403 for URL: https://x.example/a", 403, "response code: 403"],
    ["401 Unauthorized", 401, "401 Unauthorized"],
    ["The remote server returned an error: (502) Bad Gateway.", 502, "(502) Bad Gateway"],
    ["Statuscode 404 beim Abruf", 404, "Statuscode 404"],
    ["HTTPError: Response code 504 (Gateway Timeout)", 504, "Response code 504"],
    ["Array ( [HTTP Status] => 503 [Requested URI] => https://x.example/v1 )", 503, "HTTP Status] => 503"],
    ["DioError [DioErrorType.response]: Http status error [401]", 401, "status error [401]"],
    ["HttpStatusIOException: HTTP status code was not OK: 503", 503, "status code was not OK: 503"],
  ])("reads %s", (text, statusCode, snippet) => {
    expect(findStatusCode(text)).toEqual({ statusCode, text: snippet });
  });

  it.each([
    ["an id", "contact 5f401c2e9b1d4a0012345678 not updated"],
    ["a URL path", "GET https://api.example/v2/orders/403/lines failed"],
    ["a port", "connect ECONNREFUSED 10.0.0.1:503"],
    ["a timestamp", "[2026-11-24T10:00:00.401Z] done"],
    ["a count", "processed 500 records in 404 ms"],
    ["a longer number", "Code: 4011 Message: custom"],
    ["a URL scheme", "https://502.example.com/ping"],
  ])("ignores a number in %s", (_, text) => {
    expect(findStatusCode(text)).toBeUndefined();
  });

  it("skips 1xx–3xx and takes the first error status", () => {
    expect(findStatusCode("status 200 first, then status code 503")).toEqual({
      statusCode: 503,
      text: "status code 503",
    });
    expect(findStatusCode("HTTP/1.1 301 Moved Permanently")).toBeUndefined();
  });

  it("skips SMTP reply codes, told by the enhanced status code after them", () => {
    expect(findStatusCode("Error: 554 5.5.1 Error: no valid recipients")).toBeUndefined();
    expect(findStatusCode("421 4.7.0 Try again later, closing connection")).toBeUndefined();
    expect(findStatusCode("Error: 554 5.5.1 rejected; then HTTP 503 from the API")?.statusCode).toBe(503);
  });

  it("returns undefined for empty or non-string input", () => {
    expect(findStatusCode("")).toBeUndefined();
    expect(findStatusCode(401 as unknown as string)).toBeUndefined();
  });
});

describe("causeOfStatusCode", () => {
  it.each([
    [400, "MAPPING"],
    [401, "INVALID_CREDENTIALS"],
    [403, "INVALID_CREDENTIALS"],
    [404, "MAPPING"],
    [407, "INVALID_CREDENTIALS"],
    [408, "SYSTEM_DOWNTIME"],
    [409, "MAPPING"],
    [413, "MESSAGE_TOO_LARGE"],
    [422, "MAPPING"],
    [423, "SYSTEM_DOWNTIME"],
    [429, "RATE_LIMITED"],
    [500, "SYSTEM_DOWNTIME"],
    [502, "SYSTEM_DOWNTIME"],
    [503, "SYSTEM_DOWNTIME"],
    [504, "SYSTEM_DOWNTIME"],
  ] as const)("maps %i to %s", (status, cause) => {
    expect(causeOfStatusCode(status)).toBe(cause);
  });

  it("has no cause for statuses that are not errors or not statuses", () => {
    for (const status of [100, 200, 204, 302, 399, 600, 4.5, Number.NaN]) {
      expect(causeOfStatusCode(status)).toBeUndefined();
    }
  });

  it("reads a 429 by its hints", () => {
    const none = { queueFull: false, platformQuota: false, webhook: false };
    expect(causeOfStatusCode(429, { ...none, webhook: true })).toBe("QUOTA_EXCEEDED");
    expect(causeOfStatusCode(429, { ...none, platformQuota: true })).toBe("QUOTA_EXCEEDED");
    expect(causeOfStatusCode(429, { ...none, webhook: true, queueFull: true })).toBe("QUEUE_OVERFLOW");
  });
});
