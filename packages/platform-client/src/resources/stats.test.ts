import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../testing/harness.js";
import { FLOW_COUNT, FLOW_ID, WORKSPACE_ID } from "../testing/test-scenario.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness.close());

describe("stats", () => {
  it("reads queue stats and workspace stats", async () => {
    const { platform } = harness.client();
    expect(await platform.getQueueStats(FLOW_ID)).toEqual({
      flowId: FLOW_ID,
      steps: [{ stepId: "step_2", total: 12, ready: 10, unacked: 2, rebounds: 1 }],
    });
    const stats = await platform.listWorkspaceStats();
    const production = stats.find((workspace) => workspace.workspaceId === WORKSPACE_ID);
    expect(production).toMatchObject({ name: "Production", type: "full" });
    expect(production?.flows).toHaveLength(FLOW_COUNT);
  });
});
