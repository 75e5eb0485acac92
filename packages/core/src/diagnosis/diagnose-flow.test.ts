import { describe, expect, it } from "vitest";
import type { LogEntry } from "../model/log-entry.js";
import type {
  Contract,
  DataSample,
  Flow,
  FlowEdge,
  FlowQueueStats,
  FlowVersion,
  Workspace,
} from "../model/platform.js";
import { contract, log, makeFlow, minutesAgo, NOW, workspace } from "../testing/diagnosis-fixtures.js";
import { diagnoseFlow } from "./diagnose-flow.js";
import type { DiagnosisPort } from "./diagnosis-port.js";

interface World {
  flow?: Flow;
  workspace?: Workspace;
  contract?: Contract;
  logs?: readonly LogEntry[];
  queues?: FlowQueueStats;
  samples?: Record<string, unknown>;
}

const healthySamples: Record<string, unknown> = {
  "6a1b2c3d4e5f60718293a201": { body: { customer: { email: "x@example.com" }, lines: [{ price: 3 }] } },
  "6a1b2c3d4e5f60718293a202": { contact: { mail: "x@example.com" } },
};

const portOver = (world: World, overrides: Partial<DiagnosisPort> = {}): DiagnosisPort => ({
  flow: async () => world.flow ?? makeFlow(),
  workspace: async () => world.workspace ?? workspace(),
  contract: async () => world.contract ?? contract(),
  logs: async () => world.logs ?? [],
  queueStats: async (flowId) => world.queues ?? { flowId, steps: [] },
  dataSample: async (id): Promise<DataSample> => ({
    id,
    method: "run",
    result: (world.samples ?? healthySamples)[id],
  }),
  ...overrides,
});

const healthyLogs = ["t1", "t2"].flatMap((thread, run) =>
  ["step_1", "step_2", "step_3"].map((stepId, index) =>
    log(stepId, 30, `processed message ${index}`, 60 - run * 10 - index, thread),
  ),
);

describe("diagnoseFlow", () => {
  it("finds nothing wrong with a healthy flow and says so", async () => {
    const diagnosis = await diagnoseFlow(portOver({ logs: healthyLogs }), { flowId: "f", now: NOW });
    expect(diagnosis.verdict).toMatchObject({ status: "HEALTHY", level: null, cause: null });
    expect(diagnosis.findings.filter((finding) => finding.status === "FAIL")).toEqual([]);
    expect(diagnosis.checks.map((run) => run.check)).toEqual([
      "errors",
      "downtime",
      "credentials",
      "mapping",
      "walkthrough",
      "component",
      "platform",
    ]);
    expect(diagnosis.escalation.recommended).toBe(false);
    // No error gave the first-observed time: the draft asks the reporter for it, as submission requires it.
    expect(diagnosis.ticket.missing.map((item) => item.field)).toContain("firstObservedAt");
  });

  /** Runs `threads`, each passing step_1 and then logging `message` at step_2 (or passing it when null). */
  const runs = (threads: readonly string[], startMinute: number, message: string | null) =>
    threads.flatMap((thread, run) => [
      log("step_1", 30, "received", startMinute - run * 2, thread),
      log("step_2", message === null ? 30 : 50, message ?? "sent", startMinute - run * 2 - 1, thread),
    ]);
  const OUTAGE = "Error: connect ECONNREFUSED 10.20.30.40:443";

  it("says a problem recovered, and since when, once every later run passes the step", async () => {
    const logs = [...runs(["t1", "t2", "t3"], 50, OUTAGE), ...runs(["t4", "t5"], 20, null)];
    const diagnosis = await diagnoseFlow(portOver({ logs }), { flowId: "f", now: NOW });
    const firstSuccess = logs.find((entry) => entry.threadId === "t4" && entry.stepId === "step_2");
    expect(diagnosis.verdict).toMatchObject({
      status: "RECOVERED",
      cause: "SYSTEM_DOWNTIME",
      level: "INTEGRATION_LOGIC",
      stepId: "step_2",
      recoveredAt: firstSuccess?.timestamp,
    });
    expect(diagnosis.verdict.summary).toContain(`since ${firstSuccess?.timestamp}`);
    expect(diagnosis.escalation.recommended).toBe(false);
  });

  it("keeps a problem FAILING while fewer than two runs passed the step since, or one failed again", async () => {
    const oneSuccess = [...runs(["t1", "t2"], 50, OUTAGE), ...runs(["t4"], 20, null)];
    const failedAgain = [...oneSuccess, ...runs(["t5", "t6"], 16, null), ...runs(["t7"], 10, OUTAGE)];
    for (const logs of [oneSuccess, failedAgain]) {
      const diagnosis = await diagnoseFlow(portOver({ logs }), { flowId: "f", now: NOW });
      expect(diagnosis.verdict).toMatchObject({ status: "FAILING", cause: "SYSTEM_DOWNTIME" });
    }
  });

  it("names the step's current problem, not one that ended before it began", async () => {
    const throttled = "Error: Code: 429 Message: Too Many Requests";
    const logs = [
      ...runs(["t1", "t2", "t3", "t4", "t5"], 110, OUTAGE),
      ...runs(["t6", "t7", "t8"], 90, null),
      ...runs(["t9", "t10"], 40, throttled),
    ];
    const diagnosis = await diagnoseFlow(portOver({ logs }), { flowId: "f", now: NOW });
    expect(diagnosis.verdict).toMatchObject({ status: "FAILING", cause: "RATE_LIMITED", stepId: "step_2" });
    const outage = diagnosis.findings.find((finding) => finding.cause === "SYSTEM_DOWNTIME");
    const firstPass = logs.find((entry) => entry.threadId === "t6" && entry.stepId === "step_2");
    expect(outage?.recoveredAt).toBe(firstPass?.timestamp);
  });

  it("calls a flow with one transient error that later runs got past healthy, with no cause", async () => {
    const logs = [...runs(["t1"], 50, OUTAGE), ...runs(["t2", "t3", "t4"], 40, null)];
    const diagnosis = await diagnoseFlow(portOver({ logs }), { flowId: "f", now: NOW });
    expect(diagnosis.verdict).toMatchObject({ status: "HEALTHY", level: null, cause: null });
    expect(diagnosis.verdict.summary).toContain("one transient error");
  });

  it("does not call a single error healthy when retrying cannot fix it", async () => {
    const mapping = 'Error: Code: 422 Message: Unprocessable Entity Body: {"errors":{"email":"is required"}}';
    const logs = [...runs(["t1"], 50, mapping), ...runs(["t2", "t3"], 40, null)];
    const diagnosis = await diagnoseFlow(portOver({ logs }), { flowId: "f", now: NOW });
    expect(diagnosis.verdict).toMatchObject({ status: "RECOVERED", cause: "MAPPING" });
  });

  it("names the failing step, the level and the cause of repeated credential errors", async () => {
    const logs = [
      ...healthyLogs,
      ...["t3", "t4", "t5"].flatMap((thread, run) => [
        log("step_1", 30, "received", 30 - run, thread),
        log(
          "step_2",
          50,
          `Error: Code: 401 Message: Unauthorized Body: {"error":"invalid_token","request":"${thread}"}`,
          29 - run,
          thread,
        ),
      ]),
    ];
    const diagnosis = await diagnoseFlow(portOver({ logs }), { flowId: "f", now: NOW });
    expect(diagnosis.verdict).toMatchObject({
      status: "FAILING",
      cause: "INVALID_CREDENTIALS",
      level: "INTEGRATION_LOGIC",
      stepId: "step_2",
    });
    expect(diagnosis.verdict.summary).toContain("step_2");
    expect(diagnosis.errorGroups).toHaveLength(1);
    expect(diagnosis.errorGroups[0]).toMatchObject({ count: 3, executionCount: 3 });
    expect(diagnosis.walkthrough.firstFailingStepId).toBe("step_2");
    expect(diagnosis.checks.find((run) => run.check === "credentials")?.status).toBe("FAIL");
    expect(diagnosis.ticket.draft).toMatchObject({
      flowId: makeFlow().id,
      cause: "INVALID_CREDENTIALS",
      otherIds: { stepId: "step_2" },
    });
    expect(diagnosis.ticket.draft.errorText).toContain("401");
    expect(diagnosis.ticket.draft.logs?.split("\n").filter((line) => line.includes("step_2"))).toHaveLength(
      3,
    );
    expect(diagnosis.ticket.draft.logs).not.toContain("step_1");
    expect(diagnosis.ticket.draft.firstObservedAt).toBe(diagnosis.errorGroups[0]?.firstSeen);
    expect(diagnosis.ticket.missing.map((missing) => missing.field)).toContain("isBlocker");
  });

  it("cites the version whose mapper change the failing step began failing after, and the ticket draft says so", async () => {
    const flow = makeFlow();
    const [into2, into3] = flow.graph.edges as [FlowEdge, FlowEdge];
    const before = {
      ...flow.graph,
      edges: [into2, { ...into3, config: { mapper: { to: "contact.mail" } } }],
    };
    const after = {
      ...flow.graph,
      edges: [into2, { ...into3, config: { mapper: { to: "contact.mail", vat: "customer.vat" } } }],
    };
    const versions: FlowVersion[] = [
      {
        id: "1".repeat(40),
        flowId: flow.id,
        name: "v1",
        description: null,
        createdAt: minutesAgo(5000),
        graph: before,
      },
      {
        id: "2".repeat(40),
        flowId: flow.id,
        name: "v2",
        description: null,
        createdAt: minutesAgo(34),
        graph: after,
      },
    ];
    const failure =
      'Error: Code: 422 Message: Unprocessable Entity Body: {"errors":{"vat":"is not a valid VAT id"}}';
    const logs = ["t3", "t4", "t5"].flatMap((thread, run) => [
      log("step_1", 30, "received", 30 - run, thread),
      log("step_2", 30, "found", 30 - run, thread),
      log("step_3", 50, failure, 30 - run, thread),
    ]);
    const diagnosis = await diagnoseFlow(portOver({ logs }, { flowVersions: async () => versions }), {
      flowId: "f",
      now: NOW,
    });
    expect(diagnosis.verdict).toMatchObject({
      status: "FAILING",
      stepId: "step_3",
      change: { status: "CHANGED", version: { number: 2 }, minutesAfterChange: 4, stepChanged: true },
    });
    expect(diagnosis.verdict.summary).toContain(
      "Began 4 minutes after version 2 added `vat` in the mapper of step_3 (added `$.customer.vat`).",
    );
    expect(diagnosis.errorGroups[0]?.change?.status).toBe("CHANGED");
    expect(diagnosis.ticket.draft.description).toContain("What changed: Began 4 minutes after version 2");
  });

  it("answers that nothing changed when the version in force is old, and leaves the summary alone", async () => {
    const flow = makeFlow();
    const versions: FlowVersion[] = [
      {
        id: "1".repeat(40),
        flowId: flow.id,
        name: "v1",
        description: null,
        createdAt: minutesAgo(9000),
        graph: flow.graph,
      },
    ];
    const logs = ["t3", "t4", "t5"].flatMap((thread, run) => [
      log("step_1", 30, "received", 30 - run, thread),
      log("step_2", 50, "connect ECONNREFUSED 10.0.0.7:443", 29 - run, thread),
    ]);
    const withVersions = await diagnoseFlow(portOver({ logs }, { flowVersions: async () => versions }), {
      flowId: "f",
      now: NOW,
    });
    const without = await diagnoseFlow(portOver({ logs }), { flowId: "f", now: NOW });
    expect(withVersions.verdict.change).toMatchObject({ status: "NO_CHANGE", stepChanged: false });
    expect(withVersions.verdict.summary).toBe(without.verdict.summary);
    expect(without.verdict.change).toBeUndefined();
  });

  it("reports two problems at once and ranks the safeguard that fired above its suspension", async () => {
    const flow = makeFlow({ status: "suspended", currentStatus: "suspended" });
    const queues = {
      flowId: flow.id,
      steps: [{ stepId: "step_3", total: 74_000, ready: 74_000, unacked: 0, rebounds: 0 }],
    };
    const samples = {
      ...healthySamples,
      "6a1b2c3d4e5f60718293a202": { contact: { emailAddress: "x@example.com" } },
    };
    const diagnosis = await diagnoseFlow(portOver({ flow, queues, samples, logs: healthyLogs }), {
      flowId: flow.id,
      now: NOW,
    });
    const failing = diagnosis.findings
      .filter((finding) => finding.status === "FAIL")
      .map((finding) => finding.cause);
    expect(failing).toEqual(["QUEUE_OVERFLOW", "FLOW_SUSPENDED", "MAPPING"]);
    expect(diagnosis.verdict).toMatchObject({ cause: "QUEUE_OVERFLOW", stepId: "step_3" });
    expect(diagnosis.nextActions[0]).toMatch(/^step_3: /);
  });

  it("keeps going when one source fails, and reports the check that could not run", async () => {
    const port = portOver(
      { logs: healthyLogs },
      { queueStats: async () => Promise.reject(new Error("503 from the platform")) },
    );
    const diagnosis = await diagnoseFlow(port, { flowId: "f", now: NOW });
    expect(diagnosis.checks.find((run) => run.check === "platform")).toMatchObject({
      status: "ERROR",
      note: "503 from the platform",
    });
    expect(diagnosis.checks.find((run) => run.check === "mapping")?.status).toBe("PASS");
    expect(diagnosis.walkthrough.steps).toHaveLength(3);
  });

  it("does not call a flow healthy when its error logs could not be read, and names what did not run", async () => {
    const forbidden = portOver({}, { logs: async () => Promise.reject(new Error("403: may not read logs")) });
    const unchecked = await diagnoseFlow(forbidden, { flowId: "f", now: NOW });
    expect(unchecked.verdict).toMatchObject({ status: "UNCHECKED", level: null, cause: null, confidence: 0 });
    expect(unchecked.verdict.summary).toContain("403: may not read logs");

    const noQueues = portOver(
      { logs: healthyLogs },
      { queueStats: async () => Promise.reject(new Error("503 from the platform")) },
    );
    const partly = await diagnoseFlow(noQueues, { flowId: "f", now: NOW });
    expect(partly.verdict.status).toBe("HEALTHY");
    expect(partly.verdict.summary).toContain("not run: platform (503 from the platform)");
  });

  it("stops a check that runs past its time budget", async () => {
    const port = portOver({ logs: healthyLogs }, { dataSample: () => new Promise(() => undefined) });
    const diagnosis = await diagnoseFlow(port, { flowId: "f", now: NOW, checkBudgetMs: 50 });
    expect(diagnosis.checks.find((run) => run.check === "mapping")).toMatchObject({
      status: "ERROR",
      note: "did not finish within 50 ms",
    });
  });

  it("verifies credentials and probes endpoints only when asked", async () => {
    const logs = [log("step_2", 50, "connect ECONNREFUSED 10.0.0.7:443", 5, "t9")];
    const flow = makeFlow();
    const withUrl = {
      ...flow,
      graph: {
        ...flow.graph,
        nodes: flow.graph.nodes.map((node) =>
          node.id === "step_2" ? { ...node, fields: { url: "https://crm.example.com/api" } } : node,
        ),
      },
    };
    const calls: string[] = [];
    const port = portOver(
      { flow: withUrl, logs },
      {
        verifyCredential: async (id) => {
          calls.push(`verify ${id}`);
          return { verified: true };
        },
        probeEndpoint: async (url) => {
          calls.push(`probe ${url}`);
          return { reachable: false, reason: "connect ECONNREFUSED" };
        },
      },
    );
    await diagnoseFlow(port, { flowId: flow.id, now: NOW });
    expect(calls).toEqual([]);
    const diagnosis = await diagnoseFlow(port, {
      flowId: flow.id,
      now: NOW,
      verifyCredentials: true,
      probeEndpoints: true,
    });
    expect(calls.sort()).toEqual(["probe https://crm.example.com/api", "verify 6a1b2c3d4e5f60718293a301"]);
    expect(
      diagnosis.findings.filter((finding) => finding.check === "downtime").map((finding) => finding.status),
    ).toEqual(["FAIL", "FAIL"]);
    expect(diagnosis.checks.find((run) => run.check === "credentials")?.status).toBe("PASS");
  });

  it("names the component, its version and the frame in its own code for a component-runtime error", async () => {
    const stack = [
      "TypeError: Cannot read properties of undefined (reading 'map')",
      "    at processAction (/home/node/lib/actions/upsertContact.js:42:17)",
      "    at Object.process (/home/node/node_modules/elasticio-sailor-nodejs/lib/executor.js:33:12)",
    ].join("\n");
    const logs = [log("step_2", 50, stack, 5, "t9")];
    const port = portOver(
      { logs },
      {
        component: async (id) => ({
          id,
          name: "crm-connector",
          teamName: "acme",
          access: "team",
          latestVersion: {
            id: "a".repeat(40),
            componentId: id,
            versionNumber: 12,
            date: NOW,
            language: "nodejs",
            sailorVersion: "2.6.5",
          },
        }),
      },
    );
    const diagnosis = await diagnoseFlow(port, { flowId: "f", now: NOW });
    const finding = diagnosis.findings.find((candidate) => candidate.check === "component");
    expect(finding).toMatchObject({
      status: "FAIL",
      cause: "COMPONENT_ERROR",
      level: "COMPONENT_RUNTIME",
      stepId: "step_2",
    });
    expect(finding?.detail).toContain(
      'component "crm-connector" (runs latest, latest version 12, nodejs sailor 2.6.5)',
    );
    expect(finding?.detail).toContain("upsertContact.js:42:17");
    expect(finding?.detail).toContain("execution t9");
    const withoutComponents = await diagnoseFlow(portOver({ logs }), { flowId: "f", now: NOW });
    expect(withoutComponents.findings.find((candidate) => candidate.check === "component")?.detail).toContain(
      'component "acme/step_2-component"',
    );
  });

  it("recommends a ticket for messaging failures and unknown errors", async () => {
    const logs = [
      log("step_2", 50, "Failed on publishing 9f1c message to MQ: Unexpected connection close", 5, "t9"),
    ];
    const diagnosis = await diagnoseFlow(portOver({ logs }), { flowId: "f", now: NOW });
    expect(diagnosis.verdict.cause).toBe("MESSAGING_FAILURE");
    expect(diagnosis.escalation.recommended).toBe(true);
    expect(diagnosis.nextActions.at(-1)).toMatch(/^File a support ticket/);
  });
});
