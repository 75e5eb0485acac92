// Response bodies shaped as docs/elasticio-platform.md §1 documents them (snake_case JSON:API), for decoder tests.

export const FLOW_ID = "585918da586224001b96de89";
export const WORKSPACE_ID = "59d341e9037f7200184a408b";
export const USER_ID = "5a5f5bd5bf4f2f0018a3e5e1";
export const COMPONENT_ID = "55ba18e35d04040500000004";

/** A flow resource with a trigger, an action, a custom error handler and per-step settings. */
export const documentedFlow = () => ({
  id: FLOW_ID,
  type: "flow",
  links: { self: `/v2/flows/${FLOW_ID}` },
  attributes: {
    name: "Orders to ERP",
    description: null,
    type: "ordinary",
    status: "active",
    current_status: "starting",
    default_mapper_type: "jsonata",
    cron: "*/10 * * * *",
    api_version: "2.0",
    created_at: "2026-11-01T10:00:00.000Z",
    updated_at: "2026-11-20T08:30:00.000Z",
    last_start_time: "2026-11-24T07:00:00.000Z",
    stats_enabled: true,
    graph: {
      nodes: [
        {
          id: "step_1",
          component_id: COMPONENT_ID,
          command: "elasticio/timer:timer",
          name: "Timer",
          description: "",
        },
        {
          id: "step_2",
          component_id: COMPONENT_ID,
          command: "acme/rest-api-component-v2:httpRequestAction@latest",
          name: "POST order",
          description: "sends the order",
          fields: { url: "https://erp.example.com/orders" },
          credentials_id: "5b0d5a7d3b4c3a0011aa0001",
          selected_data_samples: ["5b0d5a7d3b4c3a0011aa0002"],
        },
        {
          id: "error_all",
          component_id: COMPONENT_ID,
          command: "elasticio/email:send",
          name: "Alert",
          error: true,
        },
      ],
      edges: [
        {
          id: "mapper:step_1:step_2",
          source: "step_1",
          target: "step_2",
          config: { mapper_type: "jsonata", mapper: { id: "$.body.id" }, condition: null },
        },
        { source: null, target: "error_all", config: { mapper: "$", error: true } },
      ],
    },
    nodes_config: {
      step_2: {
        prefetch: 3,
        replicas: 2,
        passthrough: { disabled: true },
        log_level: "debug",
        consume_raw_data: false,
      },
    },
  },
  relationships: {
    user: { data: { id: USER_ID, type: "user" }, links: { self: `/v2/users/${USER_ID}` } },
    workspace: {
      data: { id: WORKSPACE_ID, type: "workspace" },
      links: { self: `/v2/workspaces/${WORKSPACE_ID}` },
    },
    versions: { links: { related: `/v2/flows/${FLOW_ID}/versions` } },
    latest_version: {
      data: { id: "0f1a2b3c4d5e6f708192a3b4c5d6e7f801234567", type: "flow-version" },
      links: {},
    },
  },
});

/** `GET /v2/components/{id}` with its latest version and descriptor included. */
export const documentedComponentBody = () => ({
  data: {
    id: COMPONENT_ID,
    type: "component",
    attributes: { name: "rest-api-component-v2", team_name: "acme", access: "team" },
    relationships: {
      versions: { links: { related: `/v2/components/${COMPONENT_ID}/versions` } },
      latest_version: { data: { id: "0eff1d1aa", type: "version" }, links: {} },
    },
  },
  meta: {},
  included: [
    {
      id: "0eff1d1aa",
      type: "version",
      attributes: { date: 1_700_000_000_000, version_number: 7 },
      relationships: {
        descriptor: { data: { id: "d-1", type: "descriptor" } },
        component: { data: { id: COMPONENT_ID, type: "component" } },
      },
    },
    {
      id: "d-1",
      type: "descriptor",
      attributes: { language: "nodejs", sailor_version: "2.7.8", is_latest: true },
    },
  ],
});

/** One hit of `GET /v2/logs`. */
export const documentedLogHit = () => ({
  id: "0b6f1c1e-7d1c-4f3e-9a55-2a4c3f0e9d11",
  workspace_id: WORKSPACE_ID,
  flow_id: FLOW_ID,
  user_id: USER_ID,
  component_id: COMPONENT_ID,
  step_id: "step_2",
  exec_id: "5f0c0e1d2c3b4a5968778695a4b3c2d1",
  thread_id: "a0c1e2f3-0000-4000-8000-000000000001",
  method: "httpRequestAction",
  api_username: `task-${FLOW_ID}`,
  component_name: "REST API",
  timestamp: "2026-11-24T07:01:02.003Z",
  level: 50,
  message: "Error: getaddrinfo ENOTFOUND erp.example.com",
});
