import type { ScenarioFile } from "@flowdoctor/platform-emulator";

const id = (prefix: string, n: number): string =>
  `${prefix}${n.toString(16).padStart(24 - prefix.length, "0")}`;

/** The login of {@link createErrorScenario}'s only user. */
export const ERROR_SCENARIO_USER = { email: "ops@example.com", apiKey: "bench-key-0000" } as const;
/** The workspace of {@link createErrorScenario}. */
export const ERROR_SCENARIO_WORKSPACE = id("bbbb", 1);

const MESSAGES = [
  "connect ECONNREFUSED 10.0.0.{n}:443",
  "Error: Code: 401 Message: Unauthorized Body: {}",
  "Request failed with status code 429",
  "REQUIRED_FIELD_MISSING: Required fields are missing: [Email] (record {n})",
  "Unexpected token < in JSON at position {n}",
  "TypeError: Cannot read properties of undefined (reading 'id{n}')",
  "Rebound limit exceeded",
  "Component run out of memory and terminated",
];

const flowOf = (n: number, componentId: string) => ({
  id: id("cccc", n),
  name: `Flow ${n}`,
  workspaceId: ERROR_SCENARIO_WORKSPACE,
  userId: id("aaaa", 1),
  status: "active" as const,
  createdAt: "-30d",
  graph: {
    nodes: [1, 2].map((step) => ({
      id: `step_${step}`,
      component_id: componentId,
      command: `elasticio/rest:httpRequestAction@latest`,
      name: `Step ${step}`,
      fields: {},
    })),
    edges: [{ id: "step_1:step_2", source: "step_1", target: "step_2", config: { mapper: {} } }],
  },
});

const componentOf = (n: number) => ({
  id: id("dddd", n),
  name: n === 1 ? "rest" : `rest-${n}`,
  title: `REST API ${n}`,
  teamName: "elasticio",
  versions: [{ id: "f".repeat(40), versionNumber: 1, date: "-60d" }],
});

/** Options of {@link createErrorScenario}. */
export interface ErrorScenarioOptions {
  /** How many components the flows run, one per flow (at least five flows). @default 1 */
  readonly components?: number;
}

/**
 * A scenario with one user, one workspace, five flows (or one per component) and `errorCount` error entries spread
 * over them in eight kinds: for measuring what a page of errors costs as the inbox grows.
 */
export const createErrorScenario = (errorCount: number, options: ErrorScenarioOptions = {}): ScenarioFile => {
  const componentCount = options.components ?? 1;
  const components = Array.from({ length: componentCount }, (_, n) => componentOf(n + 1));
  const flows = Array.from({ length: Math.max(5, componentCount) }, (_, n) =>
    flowOf(n + 1, components[n % componentCount]?.id as string),
  );
  return {
    name: `errors-${errorCount}`,
    users: [{ id: id("aaaa", 1), ...ERROR_SCENARIO_USER, firstName: "Ops", lastName: "Bench" }],
    contracts: [{ id: id("eeee", 1), name: "Bench", members: [{ userId: id("aaaa", 1), roles: ["owner"] }] }],
    workspaces: [
      {
        id: ERROR_SCENARIO_WORKSPACE,
        name: "Bench",
        contractId: id("eeee", 1),
        members: [{ userId: id("aaaa", 1), roles: ["owner"], permissions: ["workspaces.logs.read_all"] }],
      },
    ],
    components,
    flows,
    logs: Array.from({ length: errorCount }, (_, n) => ({
      flowId: flows[n % flows.length]?.id as string,
      stepId: "step_2",
      at: `-${n + 1}m`,
      level: 50,
      message: (MESSAGES[n % MESSAGES.length] as string).replace("{n}", String(n)),
      execution: `run-${n}`,
    })),
  };
};
