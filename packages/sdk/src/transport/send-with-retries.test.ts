import { Agent } from "undici";
import { afterEach, describe, expect, it } from "vitest";
import { createFlowdoctorClient } from "../client.js";
import { type FlowdoctorError, isFlowdoctorError } from "../errors.js";
import { TypedDocumentString } from "../generated/index.js";
import {
  drop,
  hang,
  json,
  type ScriptedServer,
  startScriptedServer,
  text,
} from "../testing/scripted-server.js";

const ME = new TypedDocumentString<{ me: { email: string } }, Record<string, never>>(
  "query Me { me { email } }",
  { operationName: "Me", operationType: "query" },
);
const SUBMIT = new TypedDocumentString<{ submit: boolean }, Record<string, never>>(
  "mutation Submit { submit }",
  { operationName: "Submit", operationType: "mutation" },
);
const OK = json(200, { data: { me: { email: "alice@acme.example" } } });

const rejectionOf = async (promise: Promise<unknown>): Promise<FlowdoctorError> => {
  try {
    await promise;
  } catch (error) {
    if (isFlowdoctorError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to reject");
};

describe("transport: retries, timeouts, aborts and answers that are not GraphQL", () => {
  let server: ScriptedServer | undefined;
  const clientOf = (scripted: ScriptedServer, options: { retries?: number; timeoutMs?: number } = {}) =>
    createFlowdoctorClient({
      url: scripted.url,
      email: "a@b.example",
      apiKey: "k",
      retryDelayMs: 1,
      ...options,
    });

  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it("retries a query after 502, 503 and 504 and returns the answer", async () => {
    server = await startScriptedServer([text(502, "bad gateway"), text(503, ""), text(504, "timeout"), OK]);
    const client = clientOf(server, { retries: 3 });
    const { data } = await client.request(ME);
    await client.close();
    expect(data.me.email).toBe("alice@acme.example");
    expect(server.bodies).toHaveLength(4);
  });

  it("gives up after `retries` and reports the last status", async () => {
    server = await startScriptedServer([text(503, "unavailable")]);
    const client = clientOf(server, { retries: 2 });
    const error = await rejectionOf(client.request(ME));
    await client.close();
    expect(error.code).toBe("HTTP_ERROR");
    expect(error.status).toBe(503);
    expect(error.retryable).toBe(true);
    expect(server.bodies).toHaveLength(3);
  });

  it("retries a query after the connection drops", async () => {
    server = await startScriptedServer([drop, OK]);
    const client = clientOf(server, { retries: 1 });
    const { data } = await client.request(ME);
    await client.close();
    expect(data.me.email).toBe("alice@acme.example");
    expect(server.bodies).toHaveLength(2);
  });

  it("reports NETWORK_ERROR when every attempt drops", async () => {
    server = await startScriptedServer([drop]);
    const client = clientOf(server, { retries: 1 });
    const error = await rejectionOf(client.request(ME));
    await client.close();
    expect(error.code).toBe("NETWORK_ERROR");
    expect(server.bodies).toHaveLength(2);
  });

  it("never retries a mutation", async () => {
    server = await startScriptedServer([text(503, ""), json(200, { data: { submit: true } })]);
    const client = clientOf(server, { retries: 3 });
    const error = await rejectionOf(client.request(SUBMIT));
    await client.close();
    expect(error.code).toBe("HTTP_ERROR");
    expect(server.bodies).toHaveLength(1);
  });

  it("never retries a document without generated metadata, as it may be a mutation", async () => {
    server = await startScriptedServer([text(503, ""), OK]);
    const client = clientOf(server, { retries: 3 });
    const unknown = new TypedDocumentString<{ me: { email: string } }, Record<string, never>>(
      "query Me { me { email } }",
    );
    const error = await rejectionOf(client.request(unknown));
    expect(error.code).toBe("HTTP_ERROR");
    expect(server.bodies).toHaveLength(1);
  });

  it("does not retry other statuses", async () => {
    server = await startScriptedServer([text(500, "oops"), OK]);
    const client = clientOf(server, { retries: 3 });
    const error = await rejectionOf(client.request(ME));
    await client.close();
    expect(error.code).toBe("HTTP_ERROR");
    expect(error.status).toBe(500);
    expect(error.retryable).toBe(false);
    expect(server.bodies).toHaveLength(1);
  });

  it("TIMEOUT when no answer comes in time, without retrying", async () => {
    server = await startScriptedServer([hang]);
    const client = clientOf(server, { retries: 2, timeoutMs: 150 });
    const started = Date.now();
    const error = await rejectionOf(client.request(ME));
    await client.close();
    expect(error.code).toBe("TIMEOUT");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(server.bodies).toHaveLength(1);
  });

  it("a per-call timeoutMs overrides the client's", async () => {
    server = await startScriptedServer([hang]);
    const client = clientOf(server, { timeoutMs: 60_000 });
    const error = await rejectionOf(client.request(ME, {}, { timeoutMs: 100 }));
    await client.close();
    expect(error.code).toBe("TIMEOUT");
  });

  it("ABORTED when the caller's signal fires, before or during the request", async () => {
    server = await startScriptedServer([hang]);
    const client = clientOf(server);
    const controller = new AbortController();
    const pending = client.request(ME, {}, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error("user left")), 50);
    expect((await rejectionOf(pending)).code).toBe("ABORTED");
    expect((await rejectionOf(client.request(ME, {}, { signal: AbortSignal.abort() }))).code).toBe("ABORTED");
    await client.close();
  });

  it("INVALID_RESPONSE for a 200 that is not GraphQL", async () => {
    server = await startScriptedServer([text(200, "<html>login</html>")]);
    const client = clientOf(server);
    const error = await rejectionOf(client.request(ME));
    await client.close();
    expect(error.code).toBe("INVALID_RESPONSE");
  });

  it("keeps an unknown extensions.code as UNKNOWN_ERROR with the extensions", async () => {
    server = await startScriptedServer([
      json(200, { data: null, errors: [{ message: "new", extensions: { code: "SOMETHING_NEW", hint: 1 } }] }),
    ]);
    const client = clientOf(server);
    const error = await rejectionOf(client.request(ME));
    await client.close();
    expect(error.code).toBe("UNKNOWN_ERROR");
    expect(error.extensions).toEqual({ code: "SOMETHING_NEW", hint: 1 });
  });

  it("lists every problem of a BAD_USER_INPUT error", async () => {
    const problems = [
      { path: "ticket.title", code: "REQUIRED", message: "is required" },
      { path: "ticket.firstObservedAt", code: "NOT_ISO", message: "must be an ISO date-time" },
    ];
    server = await startScriptedServer([
      json(200, {
        data: null,
        errors: [{ message: "2 problems", extensions: { code: "BAD_USER_INPUT", problems } }],
      }),
    ]);
    const client = clientOf(server);
    const error = await rejectionOf(client.request(ME));
    await client.close();
    expect(error.problems).toEqual(problems);
  });

  it("sends the login, extra headers and the operation as JSON", async () => {
    let seen: Record<string, string | string[] | undefined> = {};
    server = await startScriptedServer([
      (request, response, body) => {
        seen = request.headers;
        json(200, { data: { me: { email: JSON.parse(body).query } } })(request, response, body);
      },
    ]);
    const client = createFlowdoctorClient({
      url: server.url,
      email: "a@b.example",
      apiKey: "secret-key",
      headers: { "X-Request-Id": "r-1" },
    });
    const { data } = await client.request(ME, undefined, { headers: { "x-trace": "t-1" } });
    await client.close();
    expect(data.me.email).toBe(ME.toString());
    expect(seen.authorization).toBe(`Basic ${Buffer.from("a@b.example:secret-key").toString("base64")}`);
    expect(seen["x-request-id"]).toBe("r-1");
    expect(seen["x-trace"]).toBe("t-1");
    expect(seen["content-type"]).toBe("application/json");
  });

  it("sends through a given dispatcher and leaves it open on close", async () => {
    server = await startScriptedServer([OK]);
    let dispatched = 0;
    const base = new Agent({ keepAliveTimeout: 1_000 });
    const agent = base.compose((dispatch) => (options, handler) => {
      dispatched += 1;
      return dispatch(options, handler);
    });
    const client = createFlowdoctorClient({ url: server.url, dispatcher: agent });
    const { data } = await client.request(ME);
    await client.close();
    expect(data.me.email).toBe("alice@acme.example");
    expect(dispatched).toBe(1);
    expect(base.closed).toBe(false);
    await base.close();
  });
});
