import { describe, expect, it } from "vitest";
import { classifyGroups } from "../diagnosis/classified-groups.js";
import type { LogEntry } from "../model/log-entry.js";
import type { Flow, FlowNode } from "../model/platform.js";
import { findRootCauses } from "./find-root-causes.js";

const T0 = Date.UTC(2031, 4, 1, 12);
const at = (minutes: number) => new Date(T0 - minutes * 60_000).toISOString();
const CRED = "cccccccccccccccccccccccc";
const REST = "aaaaaaaaaaaaaaaaaaaaaaaa";
const sha = (digit: string) => digit.repeat(40);

const rest = (url: string, extra: Partial<FlowNode> = {}): FlowNode => ({
  id: "step_2",
  componentId: REST,
  command: `elasticio/rest-api-component-v2:httpRequestAction@${sha("2")}`,
  name: "Call",
  fields: { url },
  ...extra,
});

const flow = (n: number, step: FlowNode): Flow => ({
  id: String(n).padStart(24, "0"),
  name: `Flow ${n}`,
  description: null,
  type: "ordinary",
  status: "active",
  currentStatus: "active",
  workspaceId: "w".repeat(24),
  authorId: "u".repeat(24),
  cron: null,
  createdAt: at(100_000),
  updatedAt: at(100_000),
  graph: {
    nodes: [
      { id: "step_1", componentId: "t".repeat(24), command: "elasticio/webhook:receive", name: "Hook" },
      step,
    ],
    edges: [{ source: "step_1", target: "step_2" }],
  },
  nodesConfig: {},
});

let id = 0;
const errors = (f: Flow, message: string, runs: number): LogEntry[] =>
  Array.from({ length: runs }, (_, run) => ({
    id: `e-${++id}`,
    timestamp: at(60 * run + 5),
    level: 50,
    message,
    workspaceId: f.workspaceId,
    flowId: f.id,
    stepId: "step_2",
    threadId: `${f.id}-${run}`,
  }));

const flows = [
  flow(1, rest("https://crm.example/api", { credentialsId: CRED })),
  flow(2, rest("https://erp.example/api", { credentialsId: CRED })),
  flow(3, rest("https://erp.example/api", { credentialsId: CRED })),
  flow(4, rest("https://shop.example/a")),
  flow(
    5,
    rest("https://shop.example/b", {
      command: `elasticio/rest-api-component-v2:httpRequestAction@${sha("3")}`,
    }),
  ),
  flow(
    6,
    rest("https://other.example/a", {
      command: `elasticio/rest-api-component-v2:httpRequestAction@${sha("9")}`,
    }),
  ),
  flow(
    7,
    rest("https://other2.example/a", {
      command: `elasticio/rest-api-component-v2:httpRequestAction@${sha("9")}`,
    }),
  ),
  flow(8, rest("https://shop.example/c")),
];
const BUG =
  "TypeError: Cannot read properties of undefined (reading 'statusCode')\n    at Object.process (/home/node/lib/actions/httpRequestAction.js:88:31)";

const logs = [
  ...errors(flows[0] as Flow, 'Error: Code: 401 Message: Unauthorized Body: {"error":"invalid_token"}', 4),
  ...errors(flows[1] as Flow, 'Error: Code: 401 Message: Unauthorized Body: {"error":"invalid_token"}', 3),
  ...errors(flows[3] as Flow, "connect ECONNREFUSED 10.1.2.3:443", 5),
  ...errors(flows[4] as Flow, "Error: Code: 503 Message: Service Unavailable", 5),
  ...errors(flows[5] as Flow, BUG, 3),
  ...errors(flows[6] as Flow, BUG, 3),
  ...errors(flows[7] as Flow, "connect ECONNREFUSED 10.1.2.3:443", 1),
];

describe("findRootCauses", () => {
  const causes = findRootCauses({ flows, groups: classifyGroups(logs) });

  it("groups auth failures by credential, downtime by host, a shared component version, worst first", () => {
    expect(causes.map((cause) => [cause.kind, cause.key, cause.flows.map((f) => f.flowName)])).toEqual([
      ["EXTERNAL_HOST", "shop.example", ["Flow 4", "Flow 5"]],
      ["CREDENTIAL", CRED, ["Flow 1", "Flow 2"]],
      ["COMPONENT_VERSION", `${REST}@${sha("9")}`, ["Flow 6", "Flow 7"]],
    ]);
  });

  it("names the flows that share the credential and still work, and what a fix would fix", () => {
    const credential = causes[1];
    expect(credential?.healthyAlsoUsing.map((f) => f.flowName)).toEqual(["Flow 3"]);
    expect(credential?.fix).toMatchObject({ flows: 2, steps: 2, failedExecutions: 7 });
    expect(credential?.fix.summary).toContain("would fix 2 flows");
    expect(credential?.cause).toBe("INVALID_CREDENTIALS");
  });

  it("leaves a one-execution error out as transient, and does not count its flow as working", () => {
    expect(causes.flatMap((cause) => cause.flows.map((f) => f.flowName))).not.toContain("Flow 8");
    expect(
      causes.find((cause) => cause.kind === "EXTERNAL_HOST")?.healthyAlsoUsing.map((f) => f.flowName),
    ).toEqual([]);
  });

  it("groups a failure no other flow shares by its cause", () => {
    const single = findRootCauses({ flows, groups: classifyGroups(errors(flows[5] as Flow, BUG, 2)) });
    expect(single.map((cause) => cause.kind)).toEqual(["CAUSE"]);
  });
});
