import { randomBytes, randomUUID } from "node:crypto";
import { createEmulator, type Emulator } from "@flowdoctor/platform-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basic } from "../testing/emulator-gateway.js";
import { liveClient, record, until } from "../testing/live-client.js";
import { createTestDatabase, type TestDatabase } from "../testing/test-database.js";
import { startTestGateway, type TestGateway } from "../testing/test-gateway.js";

const DATABASE_URL = process.env.TEST_DATABASE_URL;

const EVENTS = `subscription E($ws: ID!) { errorGroupEvents(workspaceId: $ws) { id kind fingerprint } }`;
interface EventData {
  errorGroupEvents: { id: string; kind: string; fingerprint: string };
}

describe.skipIf(!DATABASE_URL)("two gateways on one PostgreSQL, one watcher leading", () => {
  let emulator: Emulator;
  let database: TestDatabase;
  const gateways: TestGateway[] = [];
  let workspaceId: string;
  let authorization: string;

  beforeAll(async () => {
    emulator = await createEmulator();
    database = await createTestDatabase(DATABASE_URL as string, "fd_live");
    workspaceId = emulator.scenario.workspaces.find((ws) => ws.name === "Acme Production")?.id as string;
    const alice = emulator.users.find((user) => user.email.startsWith("alice@")) as Emulator["users"][number];
    authorization = basic(alice.email, alice.apiKey);
    const env = {
      PLATFORM_API_URL: emulator.url,
      DATABASE_URL: database.url,
      INBOX_WATCH: `${workspaceId}=${alice.email}:${alice.apiKey}`,
      INBOX_SECRET_KEY: randomBytes(32).toString("base64"),
      INBOX_WATCH_INTERVAL_MS: "3600000",
      LIVE_POLL_MS: "100",
    };
    // The watchers' first cycles read logs slowly, so a subscription made before they end would see their events.
    emulator.setFaults([{ method: "GET", path: "/v2/logs", latencyMs: 1500, times: 2 }]);
    gateways.push(await startTestGateway(env));
    gateways.push(await startTestGateway(env));
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.close();
    await database?.drop();
    await emulator?.close();
  });

  it("delivers every event the leader records to subscribers on both gateways, each exactly once", async () => {
    // Each gateway's watcher ran a first cycle at start; cycles queue, so these return once those are done. Only
    // then do the clients subscribe: events the first cycles store after a subscription would rightly reach it.
    await Promise.all(gateways.map((gateway) => gateway.watcher?.watcher.runCycle()));
    const clients = gateways.flatMap((gateway) => [
      liveClient(gateway.graphqlUrl, { authorization }),
      liveClient(gateway.graphqlUrl, { authorization }),
    ]);
    const subscriptions = clients.map((client) => record<EventData>(client, EVENTS, { ws: workspaceId }));
    await until(
      () => gateways.every((gateway) => gateway.live.feed.subscriberCount() === 2),
      10_000,
      "subscribers on both gateways",
    );
    const template = emulator.scenario.logs.find(
      (entry) => entry.workspace_id === workspaceId && entry.level >= 50,
    );
    if (template === undefined) throw new Error("no error entry in the demo");
    emulator.appendLogs(
      [1, 2].map((n) => ({
        ...template,
        id: randomUUID(),
        message: `replica test problem ${n === 1 ? "one" : "two"}: socket hang up`,
        timestamp: new Date().toISOString(),
      })),
    );
    const reports = await Promise.all(gateways.map((gateway) => gateway.watcher?.watcher.runCycle()));
    expect(reports.filter((report) => report?.leader)).toHaveLength(1);
    const recorded = reports.flatMap((report) => report?.events ?? []).map((event) => String(event.id));
    expect(recorded.length).toBeGreaterThan(0);

    // A state change on the follower: its event is stored there and must reach the leader's subscribers too.
    const follower = gateways[reports.findIndex((report) => !report?.leader)] as TestGateway;
    const { body } = await follower.query(
      `mutation S($input: SetErrorGroupStateInput!) { setErrorGroupState(input: $input) { state } }`,
      {
        headers: { authorization },
        variables: {
          input: {
            workspaceId,
            fingerprint: reports.find((r) => r?.leader)?.events[0]?.fingerprint,
            state: "IGNORED",
          },
        },
      },
    );
    expect(body.errors).toBeUndefined();
    await until(
      () => subscriptions.every((received) => received.results.length >= recorded.length + 1),
      10_000,
      "every event on every subscriber",
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    const idsOf = (index: number) =>
      subscriptions[index]?.results.map((result) => result.data?.errorGroupEvents.id) ?? [];
    const expected = idsOf(0);
    expect(expected.slice(0, recorded.length)).toEqual(recorded);
    expect(new Set(expected).size).toBe(recorded.length + 1);
    for (const index of [1, 2, 3]) expect(idsOf(index)).toEqual(expected);
    for (const received of subscriptions) received.stop();
    for (const client of clients) await client.dispose();
  });
});
