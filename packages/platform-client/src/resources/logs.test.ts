import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, type Harness, startHarness } from "../testing/harness.js";
import { FLOW_ID, LOG_COUNT, WORKSPACE_ID } from "../testing/test-scenario.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness.close());

describe("logs", () => {
  it("pages through logs by offset and limit", async () => {
    const { platform, attempts } = harness.client({ pageSize: 100 });
    const entries = await collect(platform.iterateLogs({ workspaceId: WORKSPACE_ID, flowIds: [FLOW_ID] }));
    expect(entries).toHaveLength(LOG_COUNT);
    expect(new Set(entries.map((entry) => entry.id)).size).toBe(LOG_COUNT);
    expect(attempts).toHaveLength(3);
    expect(entries[0]).toMatchObject({ flowId: FLOW_ID, workspaceId: WORKSPACE_ID, stepId: "step_2" });
  });

  it("filters logs by level and reports the total", async () => {
    const { platform } = harness.client();
    const page = await platform.listLogs({ workspaceId: WORKSPACE_ID, levels: [50, 60], limit: 10 });
    expect(page.total).toBe(LOG_COUNT / 5);
    expect(page.entries).toHaveLength(10);
    expect(page.entries.every((entry) => entry.level === 50)).toBe(true);
    expect(page.hasMore).toBe(true);
  });
});
