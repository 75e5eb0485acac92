// A small tenant for the integration tests, served by @flowdoctor/platform-emulator: many flows and log entries
// so paging spans several pages, users with different roles for the access errors, and credentials whose
// verification succeeds or fails.
import type { ScenarioFile, ScenarioFlowFile, ScenarioLogFile } from "@flowdoctor/platform-emulator";

/** A 24-hex ObjectId from a tag (1 hex digit) and a number. */
export const oid = (tag: string, n: number): string => `${tag}${n.toString(16).padStart(23, "0")}`;
/** A 40-hex SHA from a number. */
export const sha = (n: number): string => n.toString(16).padStart(40, "a");

export const ADMIN = { id: oid("a", 1), email: "admin@acme.test", apiKey: "admin-key-7f3c" };
export const DEVELOPER = { id: oid("a", 2), email: "dev@acme.test", apiKey: "dev-key-19ab" };
export const GUEST = { id: oid("a", 3), email: "guest@acme.test", apiKey: "guest-key-55d0" };

export const CONTRACT_ID = oid("c", 1);
export const WORKSPACE_ID = oid("b", 1);
export const LIMITED_WORKSPACE_ID = oid("b", 2);
export const COMPONENT_ID = oid("d", 1);
export const GOOD_CREDENTIAL_ID = oid("e", 1);
export const BAD_CREDENTIAL_ID = oid("e", 2);
export const SAMPLE_IDS = [oid("f", 1), oid("f", 2)] as const;

/** Flows in the main workspace: enough for three pages of 100. */
export const FLOW_COUNT = 230;
/** Log entries of the first flow: three pages of 100. */
export const LOG_COUNT = 250;
export const FLOW_ID = oid("9", 1);
export const ACTIVE_FLOW_ID = oid("9", 2);
export const VERSION_IDS = [sha(1), sha(2), sha(3)] as const;
export const COMPONENT_VERSION_IDS = [sha(101), sha(102)] as const;

const graph = (n: number) => ({
  nodes: [
    { id: "step_1", component_id: COMPONENT_ID, command: "acme/erp:timer", name: "Timer", description: "" },
    {
      id: "step_2",
      component_id: COMPONENT_ID,
      command: "acme/erp:upsertOrder@latest",
      name: `Upsert ${n}`,
      description: "",
      credentials_id: GOOD_CREDENTIAL_ID,
      selected_data_samples: [SAMPLE_IDS[0]],
    },
  ],
  edges: [
    { id: "step_1:step_2", source: "step_1", target: "step_2", config: { mapper: { id: "$.body.id" } } },
  ],
});

const flow = (n: number): ScenarioFlowFile => ({
  id: oid("9", n),
  name: `Flow ${String(n).padStart(3, "0")}`,
  description: n % 2 === 0 ? "even" : null,
  workspaceId: WORKSPACE_ID,
  userId: n % 3 === 0 ? ADMIN.id : DEVELOPER.id,
  status: n === 2 ? "active" : "inactive",
  cron: "*/10 * * * *",
  createdAt: `-${n}h`,
  graph: graph(n),
  nodesConfig: { step_2: { prefetch: 2, log_level: "debug" } },
  ...(n === 1
    ? {
        versions: VERSION_IDS.map((id, index) => ({
          id,
          createdAt: `-${3 - index}h`,
          name: `v${index + 1}`,
        })),
        queueStats: [{ stepId: "step_2", total: 12, ready: 10, unacked: 2, rebounds: 1 }],
      }
    : {}),
});

const log = (n: number): ScenarioLogFile => ({
  flowId: FLOW_ID,
  stepId: "step_2",
  at: `-${n}m`,
  level: n % 5 === 0 ? 50 : 30,
  message: n % 5 === 0 ? `Error: ERP answered 500 (#${n})` : `processed order ${n}`,
  execution: `run-${Math.floor(n / 2)}`,
});

/** The scenario of the integration tests and the benchmark. */
export const testScenario = (): ScenarioFile => ({
  name: "platform-client tests",
  users: [
    { ...ADMIN, firstName: "Ada", lastName: "Admin", company: "Acme", tenantAdmin: true },
    { ...DEVELOPER, firstName: "Dev", lastName: "Eloper" },
    { ...GUEST, firstName: "Gus", lastName: "Guest" },
  ],
  contracts: [
    {
      id: CONTRACT_ID,
      name: "Acme",
      members: [
        { userId: ADMIN.id, roles: ["owner"] },
        { userId: DEVELOPER.id, roles: ["admin"] },
        { userId: GUEST.id, roles: ["guest"] },
      ],
    },
  ],
  workspaces: [
    {
      id: WORKSPACE_ID,
      name: "Production",
      contractId: CONTRACT_ID,
      type: "full",
      members: [
        { userId: ADMIN.id, roles: ["owner"] },
        { userId: DEVELOPER.id, roles: ["integrator"] },
        { userId: GUEST.id, roles: ["guest"] },
      ],
    },
    {
      id: LIMITED_WORKSPACE_ID,
      name: "Sandbox",
      contractId: CONTRACT_ID,
      type: "limited",
      members: [{ userId: ADMIN.id, roles: ["owner"] }],
    },
  ],
  components: [
    {
      id: COMPONENT_ID,
      name: "erp-component",
      title: "ERP",
      teamName: "acme",
      access: "team",
      contractId: CONTRACT_ID,
      sailorVersion: "2.7.8",
      versions: [
        { id: COMPONENT_VERSION_IDS[0], versionNumber: 1, date: "-30d" },
        { id: COMPONENT_VERSION_IDS[1], versionNumber: 2, date: "-2d" },
      ],
      triggers: { timer: { title: "Timer" } },
      actions: { upsertOrder: { title: "Upsert order" } },
      credentialFields: { apiKey: { label: "API key", required: true, viewClass: "PasswordFieldView" } },
    },
  ],
  credentials: [
    {
      id: GOOD_CREDENTIAL_ID,
      name: "ERP production",
      workspaceId: WORKSPACE_ID,
      componentId: COMPONENT_ID,
      userId: DEVELOPER.id,
      keys: { apiKey: "good-erp-key" },
    },
    {
      id: BAD_CREDENTIAL_ID,
      name: "ERP expired",
      workspaceId: WORKSPACE_ID,
      componentId: COMPONENT_ID,
      userId: DEVELOPER.id,
      keys: { apiKey: "expired-erp-key" },
      verification: { verified: false, reason: "401 Unauthorized: API key expired" },
    },
  ],
  dataSamples: SAMPLE_IDS.map((id, index) => ({
    id,
    workspaceId: WORKSPACE_ID,
    componentId: COMPONENT_ID,
    userId: DEVELOPER.id,
    method: "upsertOrder",
    result: { body: { id: index + 1, total: 9.5 } },
  })),
  flows: Array.from({ length: FLOW_COUNT }, (_, index) => flow(index + 1)),
  logs: Array.from({ length: LOG_COUNT }, (_, index) => log(index + 1)),
});
