import type { LogEntry } from "../model/log-entry.js";
import type { Contract, Flow, FlowNode, Workspace } from "../model/platform.js";

export const NOW = "2026-11-25T12:00:00.000Z";
export const minutesAgo = (minutes: number): string =>
  new Date(Date.parse(NOW) - minutes * 60_000).toISOString();

const node = (id: string, extra: Partial<FlowNode> = {}): FlowNode => ({
  id,
  componentId: "5f0c2b1a9d3e4f0012345678",
  command: `acme/${id}-component:run`,
  name: `Step ${id}`,
  ...extra,
});

/** webhook → CRM lookup (mapper from step_1) → e-mail (mapper from step_2). */
export const makeFlow = (extra: Partial<Flow> = {}): Flow => ({
  id: "6a1b2c3d4e5f60718293a4b5",
  name: "Orders to CRM",
  description: null,
  type: "ordinary",
  status: "active",
  currentStatus: "active",
  workspaceId: "6a1b2c3d4e5f60718293a000",
  authorId: "6a1b2c3d4e5f60718293a111",
  cron: null,
  createdAt: "2026-10-01T00:00:00.000Z",
  updatedAt: "2026-11-01T00:00:00.000Z",
  lastStartTime: minutesAgo(600),
  graph: {
    nodes: [
      node("step_1", { selectedDataSamples: ["6a1b2c3d4e5f60718293a201"] }),
      node("step_2", {
        credentialsId: "6a1b2c3d4e5f60718293a301",
        selectedDataSamples: ["6a1b2c3d4e5f60718293a202"],
      }),
      node("step_3"),
    ],
    edges: [
      {
        source: "step_1",
        target: "step_2",
        config: { mapper: { email: "body.customer.email", total: "$sum(body.lines.price)" } },
      },
      { source: "step_2", target: "step_3", config: { mapper: { to: "contact.mail" } } },
    ],
  },
  nodesConfig: {},
  ...extra,
});

export const workspace = (type: Workspace["type"] = "full"): Workspace => ({
  id: "6a1b2c3d4e5f60718293a000",
  name: "Production",
  type,
  contractId: "6a1b2c3d4e5f60718293a999",
});

export const contract = (status: Contract["status"] = "active"): Contract => ({
  id: "6a1b2c3d4e5f60718293a999",
  name: "ACME",
  status,
});

let sequence = 0;
export const log = (
  stepId: string,
  level: number,
  message: string,
  minutes: number,
  threadId: string,
): LogEntry => ({
  id: `00000000-0000-4000-8000-${String(++sequence).padStart(12, "0")}`,
  timestamp: minutesAgo(minutes),
  level,
  message,
  workspaceId: "6a1b2c3d4e5f60718293a000",
  flowId: "6a1b2c3d4e5f60718293a4b5",
  stepId,
  threadId,
});
