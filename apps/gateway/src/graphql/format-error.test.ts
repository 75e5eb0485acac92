import { Writable } from "node:stream";
import { PlatformError, type PlatformErrorCode } from "@flowdoctor/platform-client";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { describe, expect, it } from "vitest";
import { GatewayGraphQLError } from "../errors.js";
import { createLogger } from "../observability/logger.js";
import { ALL_PLANTED, leaksIn, stringsOf } from "../testing/planted-secrets.js";
import { createFormatError } from "./format-error.js";

const setup = (isDevelopment: boolean) => {
  let logged = "";
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logged += String(chunk);
      done();
    },
  });
  const format = createFormatError({ isDevelopment, logger: createLogger({ destination }) });
  const run = (error: GraphQLError): GraphQLFormattedError => format(error.toJSON(), error);
  return { run, logged: () => logged };
};

const fromResolver = (cause: Error): GraphQLError =>
  new GraphQLError(cause.message, {
    originalError: cause,
    extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: ["at secret (/srv/app.js:1:1)"] },
  });

const upstreamError = (code: string): Error =>
  Object.assign(new Error(`GET /v2/flows failed: ${code}`), { code });

const platformError = (code: PlatformErrorCode, path: string, status: number, method = "GET") =>
  new PlatformError(code, `${method} ${path} failed with ${status}`, { method, path, status });

describe("formatError in production", () => {
  const { run, logged } = setup(false);

  it("hides an unexpected error behind INTERNAL, with no stack, and logs it", () => {
    const formatted = run(fromResolver(new TypeError("cannot read x of undefined at /srv/secret.js")));
    expect(formatted.message).toBe("Internal error; the gateway's log has the details.");
    expect(formatted.extensions).toEqual({ code: "INTERNAL", retryable: false });
    expect(logged()).toContain("cannot read x of undefined");
  });

  it("answers a database out of reach with STORE_UNAVAILABLE, retryable, and logs it", () => {
    const refused = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" });
    const formatted = run(fromResolver(new Error("Failed query: insert into tickets", { cause: refused })));
    expect(formatted.extensions).toEqual({ code: "STORE_UNAVAILABLE", retryable: true });
    expect(formatted.message).toContain("Retrying is safe");
    expect(logged()).toContain("the database was out of reach");
  });

  it.each([
    ["PLATFORM_UNAUTHENTICATED", "UNAUTHENTICATED"],
    ["PLATFORM_FORBIDDEN", "FORBIDDEN"],
    ["PLATFORM_NOT_FOUND", "NOT_FOUND"],
    ["PLATFORM_UNAVAILABLE", "UPSTREAM_UNAVAILABLE"],
    ["PLATFORM_TIMEOUT", "UPSTREAM_TIMEOUT"],
    ["PLATFORM_RATE_LIMITED", "RATE_LIMITED"],
    ["PLATFORM_SOMETHING_NEW", "INTERNAL"],
  ])("maps the platform client's %s to %s without the stack", (clientCode, code) => {
    const formatted = run(fromResolver(upstreamError(clientCode)));
    expect(formatted.extensions?.code).toBe(code);
    expect(formatted.extensions?.stacktrace).toBeUndefined();
  });

  it.each([
    [
      "PLATFORM_NOT_FOUND",
      "/v2/flows/5f0c1d2e3f4a5b6c7d8e9f01",
      404,
      "Flow 5f0c1d2e3f4a5b6c7d8e9f01 was not found or is not visible to you.",
    ],
    [
      "PLATFORM_NOT_FOUND",
      "/v2/flows?workspace_id=09d652221e2f6713ca2e10da&page[number]=1",
      404,
      "Workspace 09d652221e2f6713ca2e10da was not found or is not visible to you.",
    ],
    [
      "PLATFORM_NOT_FOUND",
      "/v2/credentials/a%00b/",
      404,
      "The credential was not found or is not visible to you.",
    ],
    [
      "PLATFORM_FORBIDDEN",
      "/v2/logs?workspace_id=09d652221e2f6713ca2e10da&offset=0&limit=1000",
      403,
      "You may not read the logs of workspace 09d652221e2f6713ca2e10da: the platform denies it.",
    ],
    [
      "PLATFORM_FORBIDDEN",
      "/v2/workspaces/09d652221e2f6713ca2e10da/members/",
      403,
      "You may not read the members of workspace 09d652221e2f6713ca2e10da: the platform denies it.",
    ],
    [
      "PLATFORM_UNAVAILABLE",
      "/v2/contracts/",
      503,
      "The platform could not be reached or failed; try again later.",
    ],
  ] as const)("says what %s at %s was about, without the REST path", (clientCode, path, status, message) => {
    const formatted = run(fromResolver(platformError(clientCode, path, status)));
    expect(formatted.message).toBe(message);
    expect(formatted.message).not.toMatch(/\/v2\/|GET /);
  });

  it("keeps the gateway's own errors and their details", () => {
    const error = new GatewayGraphQLError("BAD_USER_INPUT", "first must be from 1 to 100 (got 500)", {
      details: { field: "first" },
    });
    const formatted = run(error);
    expect(formatted.message).toBe("first must be from 1 to 100 (got 500)");
    expect(formatted.extensions).toEqual({ code: "BAD_USER_INPUT", field: "first", retryable: false });
  });

  it("says whether a retry can help, and for a platform rate limit how long to wait", () => {
    const limited = new PlatformError("PLATFORM_RATE_LIMITED", "GET /v2/flows failed with 429", {
      method: "GET",
      path: "/v2/flows",
      status: 429,
      retryAfterMs: 2_500,
    });
    expect(run(fromResolver(limited)).extensions).toMatchObject({
      code: "RATE_LIMITED",
      retryable: true,
      retryAfter: 3,
    });
    const down = run(fromResolver(platformError("PLATFORM_UNAVAILABLE", "/v2/flows", 503)));
    expect(down.extensions).toMatchObject({ code: "UPSTREAM_UNAVAILABLE", retryable: true });
    expect(down.extensions?.retryAfter).toBeUndefined();
    expect(run(fromResolver(new TypeError("boom"))).extensions).toMatchObject({
      code: "INTERNAL",
      retryable: false,
    });
  });

  it("keeps Apollo's validation errors as they are, minus the stack", () => {
    const error = new GraphQLError('Cannot query field "nope" on type "Query".', {
      extensions: { code: "GRAPHQL_VALIDATION_FAILED", stacktrace: ["at validate"] },
    });
    expect(run(error).extensions).toEqual({ code: "GRAPHQL_VALIDATION_FAILED", retryable: false });
  });
});

describe("formatError in development", () => {
  it("keeps the real message and the stack, with the gateway's code", () => {
    const { run } = setup(true);
    const formatted = run(fromResolver(new TypeError("boom")));
    expect(formatted.message).toBe("boom");
    expect(formatted.extensions?.code).toBe("INTERNAL");
    expect(formatted.extensions?.stacktrace).toEqual(["at secret (/srv/app.js:1:1)"]);
  });

  it("redacts what it lets out: the message, the stack and the extensions", () => {
    const { run } = setup(true);
    const cause = new Error(`Failed query: update "tickets" params: ${ALL_PLANTED}`);
    const internal = new GraphQLError(cause.message, {
      originalError: cause,
      extensions: { code: "INTERNAL_SERVER_ERROR", stacktrace: [`Error: ${ALL_PLANTED}`] },
    });
    const own = new GatewayGraphQLError("BAD_USER_INPUT", `bad value ${ALL_PLANTED}`, {
      details: { argument: ALL_PLANTED },
    });
    const formatted = [run(internal), run(own)];
    expect(leaksIn("error", stringsOf(formatted))).toEqual([]);
    expect(formatted[0]?.message).toContain("Failed query");
  });
});
