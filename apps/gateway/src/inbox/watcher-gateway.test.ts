import { randomBytes } from "node:crypto";
import { createEmulator, type Emulator } from "@flowdoctor/platform-emulator";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { basic } from "../testing/emulator-gateway.js";
import { dataOf, startTestGateway, type TestGateway } from "../testing/test-gateway.js";

describe("a gateway watching a workspace", () => {
  let emulator: Emulator;
  let gateway: TestGateway;
  let alice: Emulator["users"][number];
  let workspaceId: string;

  beforeAll(async () => {
    emulator = await createEmulator();
    alice = emulator.users.find((user) => user.email.startsWith("alice@")) as Emulator["users"][number];
    workspaceId = emulator.scenario.workspaces.find((ws) => ws.name === "Acme Production")?.id as string;
    gateway = await startTestGateway({
      PLATFORM_API_URL: emulator.url,
      INBOX_WATCH: `${workspaceId}=${alice.email}:${alice.apiKey}`,
      INBOX_SECRET_KEY: randomBytes(32).toString("base64"),
      INBOX_WATCH_INTERVAL_MS: "3600000",
    });
  });
  afterAll(async () => {
    await gateway?.close();
    await emulator?.close();
  });

  it("stores the groups its cycles read, so errorGroups shows them remembered, and logs no credential", async () => {
    const report = await gateway.watcher?.watcher.runCycle();
    expect(report?.leader).toBe(true);
    const { body } = await gateway.query(
      `query G($ws: ID!) { errorGroups(workspaceId: $ws, first: 100) { nodes { status { state stored } } } }`,
      { headers: { authorization: basic(alice.email, alice.apiKey) }, variables: { ws: workspaceId } },
    );
    const nodes = dataOf<{ nodes: { status: { state: string; stored: boolean } }[] }>(
      body,
      "errorGroups",
    ).nodes;
    expect(nodes.some((node) => node.status.stored)).toBe(true);
    expect(gateway.logText()).toContain("inbox watcher started");
    expect(gateway.logText()).not.toContain(alice.apiKey);
  });

  it("answers each stored group's hourly trend from the inbox, all groups of a page in one query", async () => {
    const read = vi.spyOn(gateway.tickets.inbox, "readHourlyTrends");
    const { body } = await gateway.query(
      `query T($ws: ID!) { errorGroups(workspaceId: $ws, first: 100) { nodes { count status { stored } trend(hours: 48) { hour count } } } }`,
      { headers: { authorization: basic(alice.email, alice.apiKey) }, variables: { ws: workspaceId } },
    );
    const nodes = dataOf<{
      nodes: { count: number; status: { stored: boolean }; trend: { hour: string; count: number }[] }[];
    }>(body, "errorGroups").nodes;
    const stored = nodes.filter((node) => node.status.stored);
    expect(stored.length).toBeGreaterThan(1);
    expect(read).toHaveBeenCalledTimes(1);
    for (const node of stored) {
      expect(node.trend.length).toBeGreaterThan(0);
      expect(node.trend.every((point) => point.count > 0 && point.hour.endsWith(":00:00.000Z"))).toBe(true);
    }
    expect(nodes.filter((node) => !node.status.stored).every((node) => node.trend.length === 0)).toBe(true);
    read.mockRestore();

    const bad = await gateway.query(
      `query T($ws: ID!) { errorGroups(workspaceId: $ws, first: 1) { nodes { trend(hours: 5000) { count } } } }`,
      { headers: { authorization: basic(alice.email, alice.apiKey) }, variables: { ws: workspaceId } },
    );
    expect(bad.body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", field: "hours" });
  });
});
