import { randomBytes, randomUUID } from "node:crypto";
import { createEmulator, type Emulator } from "@flowdoctor/platform-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basic } from "../testing/emulator-gateway.js";
import { liveClient, record, until } from "../testing/live-client.js";
import { startTestGateway, type TestGateway } from "../testing/test-gateway.js";
import { TOO_MANY_CONNECTIONS } from "./live-server.js";

const EVENTS = `subscription E($ws: ID!, $kinds: [ErrorGroupEventKind!]) {
  errorGroupEvents(workspaceId: $ws, kinds: $kinds) {
    id kind workspaceId fingerprint state at
    group { pattern totalCount status { state changedBy } }
  }
}`;

const RESUME = `subscription R($ws: ID!, $after: ID) { errorGroupEvents(workspaceId: $ws, after: $after) { id kind } }`;

interface EventData {
  errorGroupEvents: {
    id: string;
    kind: string;
    fingerprint: string;
    state: string;
    group: {
      pattern: string;
      totalCount: number;
      status: { state: string; changedBy: string | null };
    } | null;
  };
}

const codeOf = (error: unknown): unknown =>
  (error as { extensions?: { code?: unknown } }[])[0]?.extensions?.code;

describe("live updates over graphql-ws on a gateway watching a workspace", () => {
  let emulator: Emulator;
  let gateway: TestGateway;
  let workspaceId: string;
  const login = (name: string) => {
    const user = emulator.users.find((candidate) => candidate.email.startsWith(`${name}@`));
    if (user === undefined) throw new Error(`no demo user ${name}`);
    return { authorization: basic(user.email, user.apiKey), user };
  };

  /**
   * Logs `count` occurrences of a problem named `problem` (letters only, so it survives normalisation and every name
   * is its own group): the next cycle records a NEW event for a name not logged before.
   */
  const logNewErrors = (count: number, problem: string) => {
    const template = emulator.scenario.logs.find(
      (entry) => entry.workspace_id === workspaceId && entry.level >= 50,
    );
    if (template === undefined) throw new Error("no error entry in the demo");
    emulator.appendLogs(
      Array.from({ length: count }, (_, index) => ({
        ...template,
        id: randomUUID(),
        message: `live test problem ${problem} (attempt ${index}): connect ECONNREFUSED`,
        timestamp: new Date().toISOString(),
      })),
    );
  };

  beforeAll(async () => {
    emulator = await createEmulator();
    workspaceId = emulator.scenario.workspaces.find((ws) => ws.name === "Acme Production")?.id as string;
    const alice = login("alice").user;
    gateway = await startTestGateway({
      PLATFORM_API_URL: emulator.url,
      INBOX_WATCH: `${workspaceId}=${alice.email}:${alice.apiKey}`,
      INBOX_SECRET_KEY: randomBytes(32).toString("base64"),
      INBOX_WATCH_INTERVAL_MS: "3600000",
      LIVE_POLL_MS: "100",
      CORS_ORIGINS: "https://console.example.test",
      MAX_WS_CONNECTIONS_PER_CALLER: "3",
      MAX_SUBSCRIPTIONS_PER_CONNECTION: "2",
      LIVE_RECHECK_MS: "1000",
      AUTH_CACHE_TTL_MS: "0",
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await emulator?.close();
  });

  it("delivers each event the watcher records once, with the group's summary, and state changes too", async () => {
    // The watcher's first cycle ran at start; this returns once it is done, so its events come before the subscription.
    await gateway.watcher?.watcher.runCycle();
    const client = liveClient(gateway.graphqlUrl, { authorization: login("alice").authorization });
    const all = record<EventData>(client, EVENTS, { ws: workspaceId });
    const onlyChanges = record<EventData>(client, EVENTS, { ws: workspaceId, kinds: ["STATE_CHANGED"] });
    await until(() => gateway.live.feed.subscriberCount() === 2, 10_000, "both subscriptions");

    logNewErrors(3, "delivered");
    const report = await gateway.watcher?.watcher.runCycle();
    const recorded = (report?.events ?? []).map((event) => String(event.id));
    expect(recorded.length).toBeGreaterThan(0);
    await until(() => all.results.length >= recorded.length, 10_000, "the cycle's events");
    const [first] = all.results;
    expect(first?.errors).toBeUndefined();
    expect(first?.data?.errorGroupEvents).toMatchObject({ kind: "NEW", state: "NEW" });
    expect(first?.data?.errorGroupEvents.group?.totalCount).toBeGreaterThan(0);

    const target = first?.data?.errorGroupEvents.fingerprint as string;
    const { body } = await gateway.query(
      `mutation S($input: SetErrorGroupStateInput!) { setErrorGroupState(input: $input) { state } }`,
      {
        headers: { authorization: login("alice").authorization },
        variables: { input: { workspaceId, fingerprint: target, state: "RESOLVED", note: "fixed" } },
      },
    );
    expect(body.errors).toBeUndefined();
    await until(() => onlyChanges.results.length === 1, 10_000, "the state change");
    // Several more polls: nothing arrives twice.
    await new Promise((resolve) => setTimeout(resolve, 500));

    const ids = all.results.map((result) => result.data?.errorGroupEvents.id);
    expect(ids).toEqual([...recorded, onlyChanges.results[0]?.data?.errorGroupEvents.id]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(onlyChanges.results.map((result) => result.data?.errorGroupEvents)).toMatchObject([
      {
        kind: "STATE_CHANGED",
        fingerprint: target,
        state: "RESOLVED",
        group: { status: { state: "RESOLVED" } },
      },
    ]);
    const metrics = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(metrics).toContain("flowdoctor_live_connections 1");
    expect(metrics).toContain("flowdoctor_live_subscriptions 2");
    all.stop();
    onlyChanges.stop();
    await client.dispose();
    await until(() => gateway.live.feed.subscriberCount() === 0, 5000, "the subscriptions to end");
  });

  it("resumes after an event: what was stored meanwhile first, each once, then live ones", async () => {
    const authorization = { authorization: login("alice").authorization };
    const first = liveClient(gateway.graphqlUrl, authorization);
    const before = record<EventData>(first, EVENTS, { ws: workspaceId });
    await until(() => gateway.live.feed.subscriberCount() === 1, 10_000, "the subscription");
    logNewErrors(1, "resumedfirst");
    await gateway.watcher?.watcher.runCycle();
    await until(() => before.results.length === 1, 10_000, "the first event");
    const seen = before.results[0]?.data?.errorGroupEvents.id as string;
    before.stop();
    await first.dispose();
    await until(() => gateway.live.feed.subscriberCount() === 0, 5000, "the first subscription to end");

    // Away: two problems start.
    logNewErrors(1, "resumedsecond");
    logNewErrors(1, "resumedthird");
    const missed = ((await gateway.watcher?.watcher.runCycle())?.events ?? []).map((event) =>
      String(event.id),
    );
    expect(missed).toHaveLength(2);

    const again = liveClient(gateway.graphqlUrl, authorization);
    const resumed = record<EventData>(again, RESUME, { ws: workspaceId, after: seen });
    await until(() => resumed.results.length === 2, 10_000, "the missed events");
    logNewErrors(1, "resumedfourth");
    const live = ((await gateway.watcher?.watcher.runCycle())?.events ?? []).map((event) => String(event.id));
    await until(() => resumed.results.length === 3, 10_000, "the live event");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(resumed.results.map((result) => result.data?.errorGroupEvents.id)).toEqual([...missed, ...live]);
    expect(resumed.results.map((result) => result.data?.errorGroupEvents.kind)).toEqual([
      "NEW",
      "NEW",
      "NEW",
    ]);

    const bad = record(again, RESUME, { ws: workspaceId, after: "not-an-id" });
    await until(() => bad.error !== undefined, 10_000, "the refusal");
    expect((bad.error as { extensions?: Record<string, unknown> }[])[0]?.extensions).toMatchObject({
      code: "BAD_USER_INPUT",
      field: "after",
    });
    resumed.stop();
    await again.dispose();
    await until(() => gateway.live.feed.subscriberCount() === 0, 5000, "the subscriptions to end");
  });

  it("refuses a subscribe as queries are refused: UNAUTHENTICATED without credentials, FORBIDDEN for a guest", async () => {
    const anonymous = liveClient(gateway.graphqlUrl);
    const guest = liveClient(gateway.graphqlUrl, { authorization: login("gina").authorization });
    const bad = liveClient(gateway.graphqlUrl, { authorization: "Bearer nope" });
    const refused = [
      record(anonymous, EVENTS, { ws: workspaceId }),
      record(guest, EVENTS, { ws: workspaceId }),
      record(bad, EVENTS, { ws: workspaceId }),
    ];
    await until(() => refused.every((received) => received.error !== undefined), 10_000, "the refusals");
    expect(refused.map((received) => codeOf(received.error))).toEqual([
      "UNAUTHENTICATED",
      "FORBIDDEN",
      "UNAUTHENTICATED",
    ]);
    expect(refused.every((received) => received.results.length === 0)).toBe(true);
    expect(gateway.live.feed.subscriberCount()).toBe(0);
    for (const client of [anonymous, guest, bad]) await client.dispose();
  });

  it("checks access again while it delivers: a revoked key ends the subscription with UNAUTHENTICATED", async () => {
    const client = liveClient(gateway.graphqlUrl, { authorization: login("carl").authorization });
    const received = record<EventData>(client, EVENTS, { ws: workspaceId });
    await until(() => gateway.live.feed.subscriberCount() === 1, 10_000, "the subscription");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    // The platform stops accepting Carl's key; the watcher reads as Alice and still records.
    const carl = emulator.scenario.users.find((user) => user.email.startsWith("carl@")) as { apiKey: string };
    const key = carl.apiKey;
    carl.apiKey = "revoked";
    try {
      logNewErrors(1, "revoked");
      const report = await gateway.watcher?.watcher.runCycle();
      expect(report?.events.map((event) => event.kind)).toEqual(["NEW"]);
      await until(() => received.error !== undefined, 10_000, "the subscription to end");
    } finally {
      carl.apiKey = key;
    }
    expect(codeOf(received.error)).toBe("UNAUTHENTICATED");
    expect(received.results).toEqual([]);
    await until(() => gateway.live.feed.subscriberCount() === 0, 5000, "the listener to go");
    await client.dispose();
  });

  it("refuses queries over WebSocket, and broken documents with Apollo's codes", async () => {
    const client = liveClient(gateway.graphqlUrl, { authorization: login("alice").authorization });
    const query = record(client, "{ gateway { version } }");
    const broken = record(client, "subscription { errorGroupEvents(");
    await until(() => query.error !== undefined && broken.error !== undefined, 10_000, "the refusals");
    expect(codeOf(query.error)).toBe("BAD_USER_INPUT");
    expect(codeOf(broken.error)).toBe("GRAPHQL_PARSE_FAILED");
    await client.dispose();
  });

  it("bounds subscriptions per connection and connections per caller", async () => {
    const alice = { authorization: login("alice").authorization };
    const client = liveClient(gateway.graphqlUrl, alice);
    const kept = [record(client, EVENTS, { ws: workspaceId }), record(client, EVENTS, { ws: workspaceId })];
    await until(() => gateway.live.feed.subscriberCount() === 2, 10_000, "two subscriptions");
    const third = record(client, EVENTS, { ws: workspaceId });
    await until(() => third.error !== undefined, 10_000, "the third to be refused");
    expect(codeOf(third.error)).toBe("RATE_LIMITED");
    for (const received of kept) received.stop();
    await client.dispose();
    await until(() => gateway.live.server.connectionCount() === 0, 5000, "the connection to close");

    const closes: number[] = [];
    const clients = Array.from({ length: 4 }, () =>
      liveClient(gateway.graphqlUrl, alice, { onClosed: (event) => closes.push(event.code) }),
    );
    const subscriptions = clients.map((each) => record(each, EVENTS, { ws: workspaceId }));
    await until(() => closes.includes(TOO_MANY_CONNECTIONS), 10_000, "a connection past the limit to close");
    await until(() => gateway.live.feed.subscriberCount() === 3, 5000, "the three within the limit");
    expect(closes.filter((code) => code === TOO_MANY_CONNECTIONS)).toHaveLength(1);
    for (const subscription of subscriptions) subscription.stop();
    for (const each of clients) await each.dispose();
  });

  it("answers a subscription sent over HTTP with BAD_USER_INPUT pointing to WebSocket", async () => {
    const { body } = await gateway.query(EVENTS, {
      headers: { authorization: login("alice").authorization },
      variables: { ws: workspaceId },
    });
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0]?.message).toContain("WebSocket");
  });

  it("refuses upgrades off /graphql, and closes a connection whose message passes MAX_BODY_BYTES", async () => {
    const WebSocket = (await import("ws")).default;
    const base = gateway.url.replace(/^http/, "ws");
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${base}/metrics`, "graphql-transport-ws");
      socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
      socket.on("error", () => undefined);
    });
    expect(status).toBe(404);
    const closed = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${base}/graphql`, "graphql-transport-ws");
      socket.on("open", () => socket.send("x".repeat(1_048_577)));
      socket.on("close", (code) => resolve(code));
      socket.on("error", () => undefined);
    });
    expect(closed).toBe(1009);
  });

  it("checks a browser's Origin on the upgrade against CORS_ORIGINS", async () => {
    const status = async (origin: string) => {
      const WebSocket = (await import("ws")).default;
      return new Promise<number>((resolve) => {
        const socket = new WebSocket(gateway.graphqlUrl.replace(/^http/, "ws"), "graphql-transport-ws", {
          origin,
        });
        socket.on("unexpected-response", (_request, response) => resolve(response.statusCode ?? 0));
        socket.on("open", () => {
          socket.close();
          resolve(101);
        });
        socket.on("error", () => undefined);
      });
    };
    expect(await status("https://evil.example.test")).toBe(403);
    expect(await status("https://console.example.test")).toBe(101);
  });
});
