import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPlatformError } from "../errors.js";
import { collect, type Harness, rejectionOf, startHarness } from "../testing/harness.js";
import {
  ACTIVE_FLOW_ID,
  DEVELOPER,
  FLOW_COUNT,
  FLOW_ID,
  GOOD_CREDENTIAL_ID,
  SAMPLE_IDS,
  VERSION_IDS,
  WORKSPACE_ID,
} from "../testing/test-scenario.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness.close());

describe("flows", () => {
  it("decodes a flow with its graph, author and workspace", async () => {
    const { platform } = harness.client();
    const flow = await platform.getFlow(FLOW_ID);
    expect(flow).toMatchObject({
      id: FLOW_ID,
      name: "Flow 001",
      authorId: DEVELOPER.id,
      workspaceId: WORKSPACE_ID,
    });
    expect(flow.graph.nodes.map((node) => node.id)).toEqual(["step_1", "step_2"]);
    expect(flow.graph.nodes[1]).toMatchObject({
      credentialsId: GOOD_CREDENTIAL_ID,
      selectedDataSamples: [SAMPLE_IDS[0]],
    });
    expect(flow.nodesConfig.step_2).toEqual({ prefetch: 2, logLevel: "debug" });
  });

  it("pages through every flow of a workspace, one request per page", async () => {
    const { platform, attempts } = harness.client({ pageSize: 100 });
    const flows = await collect(platform.iterateFlows({ workspaceId: WORKSPACE_ID }));
    expect(flows).toHaveLength(FLOW_COUNT);
    expect(new Set(flows.map((flow) => flow.id)).size).toBe(FLOW_COUNT);
    expect(attempts.map((attempt) => attempt.path)).toEqual(
      [1, 2, 3].map((page) => `/v2/flows?workspace_id=${WORKSPACE_ID}&page[number]=${page}&page[size]=100`),
    );
  });

  it("fetches a single page with its meta and applies filters", async () => {
    const { platform } = harness.client();
    const page = await platform.listFlows({ workspaceId: WORKSPACE_ID, pageNumber: 2, pageSize: 50 });
    expect(page).toMatchObject({
      pageNumber: 2,
      pageSize: 50,
      total: FLOW_COUNT,
      totalPages: 5,
      hasMore: true,
    });
    expect(page.items).toHaveLength(50);
    const active = await platform.listFlows({ workspaceId: WORKSPACE_ID, status: "active" });
    expect(active.items.map((flow) => flow.id)).toEqual([ACTIVE_FLOW_ID]);
  });

  it("starts and stops a flow, and reports starting an active flow as a conflict", async () => {
    const { platform, attempts } = harness.client();
    const started = await platform.startFlow(FLOW_ID);
    expect(started.status).toBe("active");
    const again = await rejectionOf(platform.startFlow(FLOW_ID));
    expect(isPlatformError(again) && again.code).toBe("PLATFORM_CONFLICT");
    await platform.stopFlow(FLOW_ID);
    expect((await platform.getFlow(FLOW_ID)).status).toBe("inactive");
    expect(attempts.filter((attempt) => attempt.method === "POST")).toHaveLength(3);
  });

  it("lists and reads flow versions", async () => {
    const { platform } = harness.client({ pageSize: 2 });
    const versions = await collect(platform.iterateFlowVersions(FLOW_ID));
    expect(versions.map((version) => version.id)).toEqual([...VERSION_IDS]);
    expect(versions.every((version) => version.flowId === FLOW_ID)).toBe(true);
    const version = await platform.getFlowVersion(FLOW_ID, VERSION_IDS[1]);
    expect(version).toMatchObject({ id: VERSION_IDS[1], flowId: FLOW_ID });
    expect(version.graph.nodes).toHaveLength(2);
  });
});
