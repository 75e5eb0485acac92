import type { ScenarioFile } from "@flowdoctor/platform-emulator";

const USER = "6b0000000000000000000001";
const WORKSPACE = "6b00000000000000000000a1";
const HTTP = "6b00000000000000000000b1";
const SAMPLE = "6b00000000000000000000e1";

const node = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  component_id: HTTP,
  command: "brewery/http-client:call@latest",
  name: `Call ${id}`,
  // A loopback endpoint: probes must refuse it unless PROBE_PRIVATE_NETWORKS is on.
  fields: { url: "http://127.0.0.1:9/prices" },
  ...extra,
});

const flow = (id: string, name: string, extra: Record<string, unknown>) => ({
  id,
  name,
  workspaceId: WORKSPACE,
  userId: USER,
  status: "active",
  createdAt: "-20d",
  lastStartTime: "-5d",
  graph: {
    nodes: [node("step_1", { selected_data_samples: [SAMPLE] }), node("step_2"), node("step_3")],
    edges: [
      { source: "step_1", target: "step_2", config: { mapper: { batch: "lot.number" } } },
      { source: "step_2", target: "step_3" },
    ],
  },
  ...extra,
});

const logs = (flowId: string, failing?: { stepId: string; message: string }) =>
  ["x1", "x2", "x3"].flatMap((execution, run) => [
    { flowId, stepId: "step_1", at: `-${3 - run}h`, level: 30, message: "tank reading received", execution },
    failing
      ? {
          flowId,
          stepId: failing.stepId,
          at: `-${2 - run}h59m`,
          level: 50,
          message: failing.message,
          execution,
        }
      : { flowId, stepId: "step_2", at: `-${2 - run}h59m`, level: 30, message: "batch stored", execution },
  ]);

/**
 * A scenario unlike the demo (other names, ids, texts), in the emulator's documented file format: the diagnosis
 * must find each flow's declared cause from the data alone.
 */
export const ownScenario = (): ScenarioFile =>
  ({
    name: "brewery",
    users: [
      { id: USER, email: "kim@brewery.example", apiKey: "kim-key", firstName: "Kim", lastName: "Brauer" },
    ],
    contracts: [
      { id: "6b00000000000000000000c1", name: "Brewery", members: [{ userId: USER, roles: ["owner"] }] },
    ],
    workspaces: [
      {
        id: WORKSPACE,
        name: "Brew house",
        contractId: "6b00000000000000000000c1",
        type: "full",
        members: [{ userId: USER, roles: ["owner"] }],
      },
    ],
    components: [
      {
        id: HTTP,
        name: "http-client",
        title: "HTTP client",
        teamName: "brewery",
        versions: [{ id: "3".repeat(40), versionNumber: 1, date: "-50d" }],
      },
    ],
    dataSamples: [
      {
        id: SAMPLE,
        workspaceId: WORKSPACE,
        componentId: HTTP,
        method: "call",
        result: { tank: { id: 4, litres: 900 } },
      },
    ],
    flows: [
      flow("6b00000000000000000000f1", "Tank levels", { expected: [{ cause: "MAPPING", stepId: "step_2" }] }),
      flow("6b00000000000000000000f2", "Supplier orders", {
        expected: [{ cause: "INVALID_CREDENTIALS", stepId: "step_2" }],
      }),
      flow("6b00000000000000000000f3", "Keg returns", {
        status: "suspended",
        currentStatus: "suspended",
        expected: [{ cause: "FLOW_SUSPENDED" }],
      }),
      flow("6b00000000000000000000f4", "Hop prices", {
        expected: [{ cause: "SYSTEM_DOWNTIME", stepId: "step_2" }],
      }),
    ],
    logs: [
      ...logs("6b00000000000000000000f1"),
      ...logs("6b00000000000000000000f2", {
        stepId: "step_2",
        message: 'Request failed with status code 403: {"message":"API key revoked"}',
      }),
      ...logs("6b00000000000000000000f3"),
      ...logs("6b00000000000000000000f4", { stepId: "step_2", message: "connect ECONNREFUSED 127.0.0.1:9" }),
    ],
  }) as unknown as ScenarioFile;
