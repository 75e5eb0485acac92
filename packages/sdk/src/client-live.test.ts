import { createServer, Socket as NetSocket, type Server, type Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { createFlowdoctorClient } from "./client.js";
import { type FlowdoctorError, isFlowdoctorError } from "./errors.js";
import type { FlowdoctorClient } from "./flowdoctor-client.js";
import { type GatewayFixture, startGatewayFixture } from "./testing/gateway-fixture.js";

/** A TCP proxy in front of the gateway whose connections the test can cut, and refuse for a while, as a network would. */
const startProxy = async (
  target: URL,
): Promise<{ url: URL; cut: () => void; refuse: (refusing: boolean) => void; server: Server }> => {
  const sockets = new Set<Socket>();
  let refusing = false;
  const server = createServer((incoming) => {
    if (refusing) {
      incoming.destroy();
      return;
    }
    const outgoing = new NetSocket();
    outgoing.connect(Number(target.port), target.hostname);
    for (const socket of [incoming, outgoing]) {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.on("error", () => undefined);
    }
    incoming.pipe(outgoing).pipe(incoming);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = new URL(target.href);
  url.port = String((server.address() as { port: number }).port);
  return {
    url,
    server,
    cut: () => {
      for (const socket of sockets) socket.destroy();
    },
    refuse: (value) => {
      refusing = value;
    },
  };
};

const until = async (condition: () => boolean, what: string, timeoutMs = 10_000) => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe("subscriptions through the SDK", () => {
  let env: GatewayFixture;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let client: FlowdoctorClient;
  let workspaceId: string;
  const subscribers = () => env.gateway.live.feed.subscriberCount();
  const clientAs = (name: string, url: URL = proxy.url) => {
    const user = env.user(name);
    return createFlowdoctorClient({ url, email: user.email, apiKey: user.apiKey, webSocket: WebSocket });
  };

  beforeAll(async () => {
    env = await startGatewayFixture({ LIVE_POLL_MS: "100" });
    proxy = await startProxy(new URL(env.gateway.graphqlUrl));
    client = clientAs("alice");
    workspaceId = env.emulator.scenario.workspaces.find((ws) => ws.name === "Acme Production")?.id as string;
  });
  afterAll(async () => {
    await client?.close();
    proxy?.cut();
    proxy?.server.close();
    await env?.close();
  });

  it("yields typed events once each, and resumes after a dropped connection without missing what came meanwhile", async () => {
    const { data } = await client.errorGroups({ workspaceId, first: 2 });
    const [first, second] = data.nodes.map((node) => node.fingerprint);
    const events = client.subscribe.errorGroupEvents({ workspaceId, kinds: ["STATE_CHANGED"] });
    const next = events.next();
    await until(() => subscribers() === 1, "the subscription");

    await client.setErrorGroupState({
      input: { workspaceId, fingerprint: first as string, state: "IGNORED", note: "noise" },
    });
    const event = (await next).value;
    expect(event).toMatchObject({
      kind: "STATE_CHANGED",
      workspaceId,
      fingerprint: first,
      state: "IGNORED",
      group: { status: { state: "IGNORED", note: "noise" } },
    });

    // The network goes away; meanwhile someone resolves a group; then the network comes back.
    proxy.refuse(true);
    proxy.cut();
    await until(() => subscribers() === 0, "the gateway to see the drop");
    const direct = clientAs("alice", new URL(env.gateway.graphqlUrl));
    await direct.setErrorGroupState({
      input: { workspaceId, fingerprint: second as string, state: "RESOLVED" },
    });
    await direct.close();
    const afterDrop = events.next();
    proxy.refuse(false);
    expect((await afterDrop).value).toMatchObject({ fingerprint: second, state: "RESOLVED" });
    expect(Number((await afterDrop).value?.id)).toBeGreaterThan(Number(event?.id));
    await client.setErrorGroupState({
      input: { workspaceId, fingerprint: first as string, state: "RESOLVED" },
    });
    expect((await events.next()).value).toMatchObject({ fingerprint: first, state: "RESOLVED" });
    await events.return?.();
    await until(() => subscribers() === 0, "the subscription to end");
  });

  it("fails the iterator with the gateway's code when the caller may not read the workspace", async () => {
    const guest = clientAs("gina", new URL(env.gateway.graphqlUrl));
    const rejection = await guest.subscribe
      .errorGroupEvents({ workspaceId })
      .next()
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    await guest.close();
    expect(isFlowdoctorError(rejection)).toBe(true);
    expect((rejection as FlowdoctorError).code).toBe("FORBIDDEN");
    expect((rejection as FlowdoctorError).retryable).toBe(false);
  });

  it("refuses a webSocket option that is not a constructor, naming it", () => {
    expect(() => createFlowdoctorClient({ url: env.gateway.graphqlUrl, webSocket: "ws" })).toThrow(
      /webSocket/,
    );
  });
});
