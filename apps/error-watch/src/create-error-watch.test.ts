import { createFlowdoctorClient, type FlowdoctorClient } from "@flowdoctor/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createErrorWatch } from "./create-error-watch.js";
import { needsDiagnosis, type WatchedGroup } from "./needs-diagnosis.js";
import { createMemoryLogger, startWatchFixture, type WatchFixture } from "./testing/watch-fixture.js";

const LOOKBACK_MS = 3 * 86_400_000;

describe("the error watch against a gateway on the demo emulator", () => {
  let env: WatchFixture;
  let client: FlowdoctorClient;
  /** The groups the watch should pick, read independently through the SDK. */
  let expectedFlows: Set<string>;
  let workspaceCount: number;

  beforeAll(async () => {
    env = await startWatchFixture();
    client = createFlowdoctorClient({
      url: env.gateway.graphqlUrl,
      email: env.alice.email,
      apiKey: env.alice.apiKey,
    });
    const from = new Date(Date.now() - LOOKBACK_MS).toISOString();
    const selected: WatchedGroup[] = [];
    workspaceCount = 0;
    for await (const workspace of client.allWorkspaces()) {
      workspaceCount += 1;
      for await (const group of client.allErrorGroups({
        workspaceId: workspace.id,
        filter: { from },
        first: 100,
      })) {
        if (needsDiagnosis(group)) selected.push(group);
      }
    }
    expectedFlows = new Set(selected.map((group) => group.flowId));
  });
  afterAll(async () => {
    await client?.close();
    await env?.close();
  });

  it("finds platform-level and unknown groups, diagnoses their flows and opens one draft per flow", async () => {
    expect(expectedFlows.size).toBeGreaterThan(0);
    const logger = createMemoryLogger();
    const watch = createErrorWatch({ client, lookbackMs: LOOKBACK_MS, logger });
    const report = await watch.runOnce();
    expect(report.failures).toEqual([]);
    expect(report.workspaces).toBe(workspaceCount);
    expect(new Set(report.diagnosed.map((flow) => flow.flowId))).toEqual(expectedFlows);
    expect(report.drafts.map((draft) => draft.flowId).sort()).toEqual([...expectedFlows].sort());
    for (const draft of report.drafts) {
      expect(draft.draft).toMatchObject({ flowId: draft.flowId });
      const { data: ticket } = await client.ticket({ id: draft.ticketId ?? "" });
      expect(ticket).toMatchObject({ flowId: draft.flowId, status: "DRAFT", submittedAt: null });
    }
    const submitted = await client.tickets({ filter: { status: "SUBMITTED" } });
    expect(submitted.data.totalCount).toBe(0);
    expect(report.diagnosed.every((flow) => flow.status !== "HEALTHY")).toBe(true);
    const opened = logger.lines.filter((line) => line.msg === "ticket draft opened (not submitted)");
    expect(opened).toHaveLength(expectedFlows.size);
    expect(JSON.stringify(logger.lines)).not.toContain(env.alice.apiKey);
  });

  it("a restarted watch answers the tickets already open for its groups instead of drafting again", async () => {
    const before = (await client.tickets({ first: 1 })).data.totalCount;
    const logger = createMemoryLogger();
    const report = await createErrorWatch({ client, lookbackMs: LOOKBACK_MS, logger }).runOnce();
    expect(report.drafts.length).toBe(expectedFlows.size);
    expect(report.drafts.map((draft) => draft.outcome)).toEqual(report.drafts.map(() => "ADDED_TO_OPEN"));
    expect((await client.tickets({ first: 1 })).data.totalCount).toBe(before);
    const answered = logger.lines.filter((line) =>
      String(line.msg).startsWith("an open ticket covers this problem"),
    );
    expect(answered).toHaveLength(expectedFlows.size);
  });

  it("a second cycle finds nothing new and opens no draft", async () => {
    const watch = createErrorWatch({ client, lookbackMs: LOOKBACK_MS, logger: createMemoryLogger() });
    await watch.runOnce();
    const second = await watch.runOnce();
    expect(second.newGroups).toBe(0);
    expect(second.diagnosed).toEqual([]);
    expect(second.drafts).toEqual([]);
  });

  it("a flow it could not diagnose is tried again in the next cycle", async () => {
    const logger = createMemoryLogger();
    const watch = createErrorWatch({ client, lookbackMs: LOOKBACK_MS, logger });
    env.emulator.setFaults([{ path: "/v2/flows/*", status: 500 }]);
    let failed: Awaited<ReturnType<typeof watch.runOnce>>;
    try {
      failed = await watch.runOnce();
    } finally {
      env.emulator.setFaults([]);
    }
    expect(failed.drafts).toEqual([]);
    expect(failed.failures.length).toBeGreaterThan(0);
    // The gateway currently answers INTERNAL (not UPSTREAM_UNAVAILABLE) when diagnoseFlow's platform calls fail.
    expect(failed.failures.every((failure) => failure.step === "diagnoseFlow" && failure.code !== "")).toBe(
      true,
    );
    expect(logger.lines.some((line) => line.msg === "could not diagnose a flow")).toBe(true);
    const retried = await watch.runOnce();
    expect(retried.failures).toEqual([]);
    expect(new Set(retried.drafts.map((draft) => draft.flowId))).toEqual(expectedFlows);
  });

  it("start runs cycles until stop, one at a time", async () => {
    const logger = createMemoryLogger();
    const watch = createErrorWatch({ client, lookbackMs: LOOKBACK_MS, logger, intervalMs: 10 });
    watch.start();
    const deadline = Date.now() + 30_000;
    while (logger.lines.filter((line) => line.msg === "cycle finished").length < 2 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await watch.stop();
    const finished = logger.lines.filter((line) => line.msg === "cycle finished").length;
    expect(finished).toBeGreaterThanOrEqual(2);
    const order = logger.lines.filter(
      (line) => line.msg === "cycle started" || line.msg === "cycle finished",
    );
    expect(order.map((line) => line.msg)).toEqual(
      order.map((_, index) => (index % 2 === 0 ? "cycle started" : "cycle finished")),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(logger.lines.filter((line) => line.msg === "cycle finished").length).toBe(finished);
  });
});
