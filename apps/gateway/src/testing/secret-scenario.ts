import type { ScenarioFile } from "@flowdoctor/platform-emulator";
import { ALL_PLANTED, PLANTED } from "./planted-secrets.js";

/** The only user of {@link secretScenario}. */
export const SECRET_SCENARIO_USER = { email: "sam@leaky.example", apiKey: "sam-key" } as const;
const USER = "5e0000000000000000000001";
const CONTRACT = "5e00000000000000000000c1";
/** The workspace of {@link secretScenario}. */
export const SECRET_SCENARIO_WORKSPACE = "5e00000000000000000000a1";
const HTTP = "5e00000000000000000000b1";
const CREDENTIAL = "5e00000000000000000000d1";
const SAMPLE = "5e00000000000000000000e1";
/** The flow whose step fails with an invalid credential. */
export const SECRET_CREDENTIAL_FLOW = "5e00000000000000000000f1";
/** The flow whose step's endpoint is down, which diagnosis probes. */
export const SECRET_DOWNTIME_FLOW = "5e00000000000000000000f2";

// The step's endpoint: a planted http(s) URL with a user and a password (kind `url-password`; other planted URLs,
// webhooks and DSNs, hold their secret elsewhere), so probe findings quote its password. It is moved to the
// loopback address, which the gateway refuses to probe: the finding is "Endpoint not probed" and the test never
// reaches out to the example's real host.
const ENDPOINT = (() => {
  const url = PLANTED.filter((secret) => secret.id === "url-password")
    .map((secret) => secret.example)
    .filter((example) => /^https?:\/\/\S+$/.test(example))
    .map((example) => new URL(example))
    .find((candidate) => candidate.password !== "");
  if (url === undefined) throw new Error("no planted http(s) URL with a password");
  url.host = "127.0.0.1:9";
  return url.href;
})();

// The planted examples that are JSON objects, to be spread into structured data (step fields, credential keys).
const STRUCTURED = Object.assign(
  {},
  ...PLANTED.flatMap((secret) => {
    try {
      const value: unknown = JSON.parse(secret.example);
      return typeof value === "object" && value !== null && !Array.isArray(value) ? [value] : [];
    } catch {
      return [];
    }
  }),
) as Record<string, unknown>;

const node = (id: string) => ({
  id,
  component_id: HTTP,
  credentials_id: CREDENTIAL,
  command: "leaky/http-client:call@latest",
  name: `Call ${id}`,
  description: `Calls the supplier ${ALL_PLANTED}`,
  fields: { url: ENDPOINT, headers: ALL_PLANTED, auth: STRUCTURED },
});

const flow = (id: string, name: string, cause: string) => ({
  id,
  name,
  description: `Moves orders ${ALL_PLANTED}`,
  workspaceId: SECRET_SCENARIO_WORKSPACE,
  userId: USER,
  status: "active",
  createdAt: "-20d",
  lastStartTime: "-5d",
  graph: {
    nodes: [{ ...node("step_1"), selected_data_samples: [SAMPLE] }, node("step_2"), node("step_3")],
    edges: [
      {
        source: "step_1",
        target: "step_2",
        config: { mapper: { batch: "lot.number", note: `'${ALL_PLANTED}'` } },
      },
      { source: "step_2", target: "step_3" },
    ],
  },
  expected: [{ cause, stepId: "step_2" }],
});

const logs = (flowId: string, failure: string) =>
  ["x1", "x2", "x3"].flatMap((execution, run) => [
    {
      flowId,
      stepId: "step_1",
      at: `-${3 - run}h`,
      level: 30,
      message: `Will send request to POST ${ENDPOINT} with ${ALL_PLANTED}`,
      execution,
    },
    {
      flowId,
      stepId: "step_2",
      at: `-${2 - run}h59m`,
      level: 50,
      message: `${failure} ${ALL_PLANTED}`,
      execution,
    },
  ]);

/**
 * A platform whose every text carries the planted secrets: log messages at every level, flow, step and credential
 * names and descriptions, step fields, a mapper, a data sample and a credential's verification failure. One flow
 * fails with an invalid credential, one with its endpoint down (the endpoint's URL holds a password).
 */
export const secretScenario = (): ScenarioFile =>
  ({
    name: "leaky",
    users: [
      {
        id: USER,
        ...SECRET_SCENARIO_USER,
        firstName: "Sam",
        lastName: "Leaky",
        company: `Leaky ${PLANTED[0]?.example ?? ""}`,
      },
    ],
    contracts: [{ id: CONTRACT, name: "Leaky", members: [{ userId: USER, roles: ["owner"] }] }],
    workspaces: [
      {
        id: SECRET_SCENARIO_WORKSPACE,
        name: "Leaky works",
        contractId: CONTRACT,
        type: "full",
        members: [{ userId: USER, roles: ["owner"] }],
      },
    ],
    components: [
      {
        id: HTTP,
        name: "http-client",
        title: "HTTP client",
        description: `Calls anything ${ALL_PLANTED}`,
        teamName: "leaky",
        versions: [{ id: "5".repeat(40), versionNumber: 1, date: "-50d" }],
      },
    ],
    credentials: [
      {
        id: CREDENTIAL,
        name: `Supplier login ${ALL_PLANTED}`,
        workspaceId: SECRET_SCENARIO_WORKSPACE,
        componentId: HTTP,
        userId: USER,
        keys: STRUCTURED,
        verification: { verified: false, reason: `The supplier answered 401 Unauthorized: ${ALL_PLANTED}` },
      },
    ],
    dataSamples: [
      {
        id: SAMPLE,
        workspaceId: SECRET_SCENARIO_WORKSPACE,
        componentId: HTTP,
        method: "call",
        result: { lot: { number: 4, note: ALL_PLANTED } },
      },
    ],
    flows: [
      flow(SECRET_CREDENTIAL_FLOW, "Supplier orders", "INVALID_CREDENTIALS"),
      flow(SECRET_DOWNTIME_FLOW, "Supplier prices", "SYSTEM_DOWNTIME"),
    ],
    logs: [
      ...logs(SECRET_CREDENTIAL_FLOW, "Request failed with status code 401: Unauthorized"),
      ...logs(SECRET_DOWNTIME_FLOW, "connect ECONNREFUSED 127.0.0.1:9"),
    ],
  }) as unknown as ScenarioFile;
