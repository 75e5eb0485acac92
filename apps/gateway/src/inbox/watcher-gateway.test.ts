import { randomBytes } from "node:crypto";
import { createEmulator, type Emulator } from "@flowdoctor/platform-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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
});
