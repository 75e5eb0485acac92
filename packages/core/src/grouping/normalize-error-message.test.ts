import { describe, expect, it } from "vitest";
import { normalizeErrorMessage } from "./normalize-error-message.js";

const same = (a: string, b: string): void => {
  expect(normalizeErrorMessage(a)).toBe(normalizeErrorMessage(b));
};
const different = (a: string, b: string): void => {
  expect(normalizeErrorMessage(a)).not.toBe(normalizeErrorMessage(b));
};

describe("normalizeErrorMessage: what varies between executions goes", () => {
  it.each([
    ["ObjectIds", "Flow 585918da586224001b96de89 failed", "Flow 5b0d1e6a3f2c4b0019a1e2f3 failed"],
    ["UUIDs", "thread 6f1c2b9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", "thread 0a1b2c3d-4e5f-4a7b-8c9d-0e1f2a3b4c5d"],
    ["exec ids", "exec 0a1b2c3d4e5f60718293a4b5c6d7e8f9 died", "exec ffffeeee0000111122223333aaaabbbb died"],
    [
      "SHAs",
      "version 2fd4e1c67a2d28fced849ee1bb76e7391b93eb12",
      "version 9b1d4e2c3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c",
    ],
    ["numbers", "Unexpected token < in JSON at position 0", "Unexpected token < in JSON at position 1832"],
    ["decimals and units", "took 12.5s after 300ms", "took 7.25s after 41ms"],
    ["ISO times", "failed at 2026-11-25T03:13:27.825Z", "failed at 2025-01-02T10:00:00+01:00"],
    ["dates", "report for 2026-11-25 missing", "report for 2024-02-29 missing"],
    ["HTTP dates", "expired Wed, 25 Nov 2026 03:13:27 GMT", "expired Mon, 2 Feb 2026 23:00:00 GMT"],
    ["times of day", "retry at 03:13:27", "retry at 23:59:01.5"],
    ["IPs and ports", "connect ECONNREFUSED 10.0.0.12:8443", "connect ECONNREFUSED 192.168.1.7:443"],
    ["IPv6 addresses", "connect ECONNREFUSED 2001:db8::1:443", "connect ECONNREFUSED fe80::a1b2:c3d4:443"],
    ["IPv6 loopback", "connect ECONNREFUSED ::1:5432", "connect ECONNREFUSED 2001:db8:0:0:0:0:0:7"],
    ["host names", "getaddrinfo ENOTFOUND api.acme.com", "getaddrinfo ENOTFOUND crm.example.io"],
    ["hosts with ports", "connect ETIMEDOUT db.internal:5432", "connect ETIMEDOUT cache.internal:6379"],
    [
      "URLs",
      "GET https://a.example.com/v2/orders/123?x=1 failed",
      "GET https://b.acme.io/v2/orders/98?y=2 failed",
    ],
    ["e-mail addresses", "user bob@acme.com is locked", "user ann.lee+x@mail.example.org is locked"],
    ["quoted free text", "Record with name 'Acme Corp' exists", "Record with name 'Big Shop Ltd' exists"],
    ["JSON values", 'Body: {"message":"Order 1 missing","id":"a"}', 'Body: {"message":"No stock","id":"bb"}'],
    [
      "JSON values inside a JSON string",
      'Body: "{\\"id\\":\\"585918da586224001b96de89\\",\\"name\\":\\"Acme Corp\\"}"',
      'Body: "{\\"id\\":\\"x1\\",\\"name\\":\\"Big Shop\\"}"',
    ],
    ["ANSI colours", "\u001b[31mError\u001b[0m: boom", "Error: boom"],
    ["search marks", "<em>ECONNRESET</em> while reading", "ECONNRESET while reading"],
    ["whitespace", "socket   hang\tup", "socket hang up"],
  ])("%s", (_what, a, b) => {
    same(a, b);
  });

  it("drops stack frames and keeps the message lines", () => {
    const node = (file: string, line: number) =>
      `TypeError: Cannot read properties of undefined (reading 'email')\n    at Object.process (${file}:${line}:17)\n    at run (node:internal/x:1:1)`;
    same(node("/home/node/lib/actions/upsert.js", 42), node("/app/lib/upsert.js", 7));
    expect(normalizeErrorMessage(node("/a.js", 1))).toBe(
      "TypeError: Cannot read properties of undefined (reading 'email')",
    );
    const java =
      "java.io.IOException: Broken pipe\n\tat sun.nio.ch.IOUtil.write(IOUtil.java:65)\n\t... 12 more";
    expect(normalizeErrorMessage(java)).toBe("java.io.IOException: Broken pipe");
  });

  it("takes the last line of a Python traceback", () => {
    const trace = "Traceback (most recent call last):\n  File \"x.py\", line 3, in <module>\nKeyError: 'sku'";
    expect(normalizeErrorMessage(trace)).toBe("KeyError: 'sku'");
  });
});

describe("normalizeErrorMessage: what tells problems apart stays", () => {
  it.each([
    ["HTTP statuses", "Code: 401 Message: Unauthorized", "Code: 403 Message: Unauthorized"],
    ["status codes", "Request failed with status code 502", "Request failed with status code 504"],
    ["statuses before a status text", "returned 404 Not Found", "returned 410 Not Found"],
    ["exit codes", "container exited with exit code 137", "container exited with exit code 1"],
    ["field names in X is required", '"email" is required', '"name" is required'],
    ["unquoted field names", "Email is required", "Name is required"],
    ["error classes", "TypeError: x is not a function", "RangeError: x is not a function"],
    ["JSONata codes", "T2002: The right side must be a number", "T2001: The right side must be a number"],
    ["error constants in JSON", 'Body: {"error":"invalid_grant"}', 'Body: {"error":"invalid_client"}'],
    ["words", "connect ECONNREFUSED 10.0.0.1:80", "connect ETIMEDOUT 10.0.0.1:80"],
    ["source files", "Failed to load component.json", "Failed to load package.json"],
  ])("%s", (_what, a, b) => {
    different(a, b);
  });

  it("keeps the scheme and path shape of URLs", () => {
    expect(
      normalizeErrorMessage("POST https://api.acme.com/v2/orders/585918da586224001b96de89/items?a=1"),
    ).toBe("POST https://<host>/v2/orders/*/items?<query>");
  });

  it("caps long messages", () => {
    expect(normalizeErrorMessage(`Body: ${"word ".repeat(1000)}`).length).toBeLessThanOrEqual(500);
  });
});
