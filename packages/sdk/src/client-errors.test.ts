import type { EmulatorUser } from "@flowdoctor/platform-emulator";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createFlowdoctorClient } from "./client.js";
import { type FlowdoctorError, isFlowdoctorError } from "./errors.js";
import type { FlowdoctorClient } from "./flowdoctor-client.js";
import { TypedDocumentString } from "./generated/index.js";
import { type GatewayFixture, startGatewayFixture } from "./testing/gateway-fixture.js";

const rejectionOf = async (promise: Promise<unknown>): Promise<FlowdoctorError> => {
  try {
    await promise;
  } catch (error) {
    if (isFlowdoctorError(error)) return error;
    throw error;
  }
  throw new Error("expected the call to reject");
};

describe("typed errors from a gateway on the emulator", () => {
  let env: GatewayFixture;
  let alice: EmulatorUser;
  let client: FlowdoctorClient;

  const acmeProduction = () => {
    const workspace = env.emulator.scenario.workspaces.find((ws) => ws.name === "Acme Production");
    if (!workspace) throw new Error("the demo has no Acme Production workspace");
    return workspace;
  };

  beforeAll(async () => {
    env = await startGatewayFixture();
    alice = env.user("alice");
    client = createFlowdoctorClient({
      url: env.gateway.graphqlUrl,
      email: alice.email,
      apiKey: alice.apiKey,
    });
  });
  afterEach(() => {
    env.emulator.setFaults([]);
  });
  afterAll(async () => {
    await client?.close();
    await env?.close();
  });

  it("UNAUTHENTICATED without a login and with a wrong API key", async () => {
    const anonymous = createFlowdoctorClient({ url: env.gateway.graphqlUrl });
    const none = await rejectionOf(anonymous.me());
    await anonymous.close();
    expect(none.code).toBe("UNAUTHENTICATED");
    expect(none.path).toEqual(["me"]);
    expect(none.operationName).toBe("Me");
    const wrong = createFlowdoctorClient({
      url: env.gateway.graphqlUrl,
      email: alice.email,
      apiKey: "not-the-key",
    });
    const rejected = await rejectionOf(wrong.me());
    await wrong.close();
    expect(rejected.code).toBe("UNAUTHENTICATED");
    expect(rejected.message).not.toContain("not-the-key");
    expect(rejected.retryable).toBe(false);
  });

  it("BAD_USER_INPUT names the argument among its field problems", async () => {
    const error = await rejectionOf(client.flows({ workspaceId: acmeProduction().id, first: 1000 }));
    expect(error.code).toBe("BAD_USER_INPUT");
    expect(error.problems).toEqual([{ path: "first", message: expect.stringContaining("from 1 to 100") }]);
    const since = await rejectionOf(
      client.diagnoseFlow({ flowId: "0123456789abcdef01234567", since: "2999-01-01T00:00:00Z" }),
    );
    expect(since.code).toBe("BAD_USER_INPUT");
    expect(since.message).toContain("since");
  });

  it("NOT_FOUND for a flow that does not exist", async () => {
    const error = await rejectionOf(client.flow({ id: "ffffffffffffffffffffffff" }));
    expect(error.code).toBe("NOT_FOUND");
    expect(error.path).toEqual(["flow"]);
  });

  it("FORBIDDEN or NOT_FOUND for a workspace of another tenant's contract", async () => {
    const bob = env.user("bob");
    const bobs = createFlowdoctorClient({
      url: env.gateway.graphqlUrl,
      email: bob.email,
      apiKey: bob.apiKey,
    });
    const error = await rejectionOf(bobs.workspace({ id: acmeProduction().id }));
    await bobs.close();
    expect(["FORBIDDEN", "NOT_FOUND"]).toContain(error.code);
  });

  it("UPSTREAM_UNAVAILABLE when the platform fails, marked retryable", async () => {
    env.emulator.setFaults([{ path: "/v2/flows*", status: 500 }]);
    const error = await rejectionOf(client.flows({ workspaceId: acmeProduction().id }));
    expect(error.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(error.retryable).toBe(true);
  });

  it("GRAPHQL_VALIDATION_FAILED with HTTP 400 for a document the schema rejects", async () => {
    const bad = new TypedDocumentString<{ nope: string }, Record<string, never>>("query Bad { nope }", {
      operationName: "Bad",
      operationType: "query",
    });
    const error = await rejectionOf(client.request(bad));
    expect(error.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(error.status).toBe(400);
    expect(error.operationName).toBe("Bad");
  });

  it("returns partial data with the errors of the fields that failed", async () => {
    const flow = env.emulator.scenario.flows.find(
      (candidate) => candidate.workspaceId === acmeProduction().id,
    );
    if (!flow) throw new Error("no flow in Acme Production");
    env.emulator.setFaults([{ path: "/v2/users/*", status: 500 }]);
    const { data, errors } = await client.flow({ id: flow.id });
    expect(data.id).toBe(flow.id);
    expect(data.steps.length).toBeGreaterThan(0);
    expect(data.author).toBeNull();
    expect(errors.map((error) => [error.code, error.path])).toEqual([
      ["UPSTREAM_UNAVAILABLE", ["flow", "author"]],
    ]);
  });
});
