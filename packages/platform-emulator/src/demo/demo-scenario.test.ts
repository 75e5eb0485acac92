import { CAUSES, PLATFORM_LIMITS } from "@flowdoctor/core";
import { beforeAll, describe, expect, it } from "vitest";
import { loadScenario } from "../scenario/load-scenario.js";
import type { Scenario, ScenarioFlow, ScenarioLogEntry } from "../scenario/scenario.js";
import { TEST_NOW } from "../testing/api.js";
import { DEMO_CREDENTIALS, DEMO_DATA_SAMPLES } from "./demo-directory.js";
import { demoFlowId } from "./demo-scenario.js";

const HOUR = 3_600_000;

describe("the demo scenario", () => {
  let demo: Scenario;
  const flow = (key: string): ScenarioFlow =>
    demo.flows.find((candidate) => candidate.id === demoFlowId(key)) as ScenarioFlow;
  const logsOf = (key: string): ScenarioLogEntry[] =>
    demo.logs.filter((entry) => entry.flow_id === demoFlowId(key));
  const errorsOf = (key: string) => logsOf(key).filter((entry) => entry.level >= 50);
  beforeAll(async () => {
    demo = await loadScenario("demo", { now: TEST_NOW });
  });

  it("has a flow for every cause of the taxonomy, healthy flows and flows with two problems", () => {
    const declared = new Set(demo.flows.flatMap((candidate) => candidate.expected.map((e) => e.cause)));
    expect([...CAUSES].filter((cause) => !declared.has(cause))).toEqual([]);
    expect(demo.flows.filter((candidate) => candidate.expected.length === 0).length).toBeGreaterThanOrEqual(
      3,
    );
    const twoProblems = demo.flows.filter(
      (candidate) => new Set(candidate.expected.map((e) => e.stepId)).size >= 2,
    );
    expect(twoProblems.length).toBeGreaterThanOrEqual(2);
  });

  it("is deterministic for a given now and starts fast", async () => {
    // CPU time, not wall time: the machine is shared, and loading is what must stay light.
    const started = process.cpuUsage();
    const again = await loadScenario("demo", { now: TEST_NOW });
    const used = process.cpuUsage(started);
    expect((used.user + used.system) / 1000).toBeLessThan(1_000);
    expect(again).toEqual(demo);
    const later = await loadScenario("demo", { now: new Date(TEST_NOW.getTime() + HOUR) });
    expect(Date.parse(later.logs[0]?.timestamp ?? "") - Date.parse(demo.logs[0]?.timestamp ?? "")).toBe(HOUR);
  });

  it("holds a few thousand log entries with unique ids, all within the logs TTL and not in the future", () => {
    expect(demo.logs.length).toBeGreaterThan(1_000);
    expect(demo.logs.length).toBeLessThan(10_000);
    expect(new Set(demo.logs.map((entry) => entry.id)).size).toBe(demo.logs.length);
    const oldest = TEST_NOW.getTime() - PLATFORM_LIMITS.logsTtlDays * 24 * HOUR;
    for (const entry of demo.logs) {
      expect(Date.parse(entry.timestamp)).toBeGreaterThan(oldest);
      expect(Date.parse(entry.timestamp)).toBeLessThanOrEqual(TEST_NOW.getTime());
    }
  });

  it("keeps logs consistent with flows, steps and components", () => {
    const flows = new Map(demo.flows.map((candidate) => [candidate.id, candidate]));
    for (const entry of demo.logs) {
      const owner = flows.get(entry.flow_id);
      expect(owner, entry.flow_id).toBeDefined();
      const node = owner?.graph.nodes.find((candidate) => candidate.id === entry.step_id);
      expect(node, `${owner?.name} ${entry.step_id}`).toBeDefined();
      expect(entry.component_id).toBe(node?.component_id);
      expect(entry.workspace_id).toBe(owner?.workspaceId);
      expect(entry.user_id).toBe(owner?.userId);
    }
  });

  it("logs errors at the declared failing steps, and none for healthy flows", () => {
    for (const candidate of demo.flows) {
      const errors = demo.logs.filter((entry) => entry.flow_id === candidate.id && entry.level >= 50);
      if (candidate.expected.length === 0) expect(errors, candidate.name).toEqual([]);
      for (const { stepId } of candidate.expected.filter((e) => e.stepId !== undefined)) {
        expect(
          errors.some((entry) => entry.step_id === stepId),
          `${candidate.name} ${stepId}`,
        ).toBe(true);
      }
    }
  });

  it("repeats one problem across many executions, with first and last occurrences spread over time", () => {
    const errors = errorsOf("wms-inventory");
    expect(new Set(errors.map((entry) => entry.thread_id)).size).toBeGreaterThanOrEqual(20);
    const times = errors.map((entry) => Date.parse(entry.timestamp));
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThan(12 * HOUR);
  });

  it("has real-looking error texts, several with stack traces", () => {
    const withStacks = new Set(
      demo.logs.filter((entry) => /\n {4}at .+:\d+:\d+\)?/.test(entry.message)).map((e) => e.flow_id),
    );
    expect(withStacks.size).toBeGreaterThanOrEqual(3);
    expect(demo.logs.some((entry) => entry.level === 60)).toBe(true);
  });

  it("has healthy steps logging info in the same executions that fail later", () => {
    const failed = errorsOf("shopify-orders")[0] as ScenarioLogEntry;
    const execution = logsOf("shopify-orders").filter((entry) => entry.thread_id === failed.thread_id);
    expect(execution.some((entry) => entry.step_id === "step_1" && entry.level === 30)).toBe(true);
    expect(execution.some((entry) => entry.step_id === "step_3")).toBe(false);
  });

  it("shows platform safeguards in state: suspended flow, limited-workspace stop, suspended contract", () => {
    expect(flow("legacy-ftp")).toMatchObject({ status: "suspended", currentStatus: "suspended" });
    const limited = flow("sandbox-crm-upsert");
    const workspace = demo.workspaces.find((candidate) => candidate.id === limited.workspaceId);
    expect(workspace?.type).toBe("limited");
    expect(limited.status).toBe("inactive");
    const lastLog = Date.parse(logsOf("sandbox-crm-upsert")[0]?.timestamp ?? "");
    const ranHours = (lastLog - Date.parse(limited.lastStartTime ?? "")) / HOUR;
    expect(ranHours).toBeGreaterThan(7.5);
    expect(ranHours).toBeLessThanOrEqual(PLATFORM_LIMITS.limitedWorkspaceRunHours);
    const initech = flow("initech-timesheets");
    const contract = demo.contracts.find(
      (candidate) => candidate.id === demo.workspaces.find((w) => w.id === initech.workspaceId)?.contractId,
    );
    expect(contract?.status).toBe("suspended");
    expect(
      demo.flows
        .filter((f) => demo.workspaces.find((w) => w.id === f.workspaceId)?.contractId === contract?.id)
        .every((f) => f.status === "inactive"),
    ).toBe(true);
  });

  it("shows container exits the way the platform logs them", () => {
    const oom = logsOf("catalogue-export").map((entry) => entry.message);
    expect(oom).toContain("Component run out of memory and terminated");
    expect(oom.some((message) => /exit code 137, reason OOMKilled/.test(message))).toBe(true);
    const failed = logsOf("fulfilment-3pl").map((entry) => entry.message);
    expect(failed).toContain("Component failed to start");
    const containers = new Set(
      logsOf("catalogue-export")
        .filter((e) => e.step_id === "step_3")
        .map((e) => e.container_id),
    );
    expect(containers.size).toBeGreaterThan(1);
  });

  it("has queues near their limit, rebounds where steps rebound, and a failing credential", () => {
    const full = flow("marketing-leads").queueStats.find((stat) => stat.stepId === "step_2");
    expect(full?.total).toBeGreaterThan(PLATFORM_LIMITS.queueMessages * 0.9);
    expect(full?.total).toBeLessThan(PLATFORM_LIMITS.queueMessages);
    // Its slow step already runs in parallel, so the remedy is not "add replicas" alone.
    expect(flow("marketing-leads").nodesConfig).toEqual({
      step_1: { prefetch: 1, log_level: "info" },
      step_2: { prefetch: 5, log_level: "info", replicas: 3, passthrough: { disabled: true } },
    });
    for (const key of ["address-validation", "customer-360"]) {
      expect(
        flow(key).queueStats.some((stat) => stat.rebounds > 0),
        key,
      ).toBe(true);
      expect(
        errorsOf(key).some((entry) => entry.message === "Rebound limit exceeded"),
        key,
      ).toBe(true);
    }
    expect(DEMO_CREDENTIALS.some((credential) => credential.verification?.verified === false)).toBe(true);
  });

  it("has a mapper reading a field the current sample no longer has", () => {
    const shopify = flow("shopify-orders");
    const edge = shopify.graph.edges.find((candidate) => candidate.target === "step_2") as {
      config: { mapper: Record<string, string> };
    };
    expect(edge.config.mapper.Email).toBe("customer.email_address");
    const sample = DEMO_DATA_SAMPLES.find((candidate) => candidate.method === "receive")?.result as {
      customer: Record<string, unknown>;
    };
    expect(sample.customer).toHaveProperty("email");
    expect(sample.customer).not.toHaveProperty("email_address");
  });
});
