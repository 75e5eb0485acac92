import type { Flow } from "@flowdoctor/core";
import { describe, expect, it } from "vitest";
import type { LogEntryData } from "../log/log-entry.type.js";
import { classifyEntry } from "./classify-entry.js";

const flow = {
  id: "5f1b2c3d4e5f6a7b8c9d0e1f",
  workspaceId: "5f1b2c3d4e5f6a7b8c9d0e2a",
  status: "active",
  currentStatus: "active",
  graph: {
    nodes: [
      { id: "step_1", componentId: "c1", command: "elasticio/timer:timer", name: "Timer" },
      {
        id: "step_2",
        componentId: "c2",
        command: "elasticio/rest-api-component:httpRequestAction",
        name: "Read contacts",
        fields: { method: "GET", url: "" },
      },
    ],
    edges: [{ source: "step_1", target: "step_2", config: { mapper: { customerId: "$.id" } } }],
  },
} as unknown as Flow;

const entry = (message: string): LogEntryData => ({
  id: "1",
  timestamp: "2026-11-24T10:15:42.401Z",
  level: 50,
  levelName: "error",
  message,
  workspaceId: flow.workspaceId,
  flowId: flow.id,
  stepId: "step_2",
});

const facts = { workspace: undefined, flows: new Map([[flow.id, flow]]), now: "2026-11-24T11:00:00.000Z" };

describe("classifyEntry", () => {
  it("reads an error naming a setting of its step as a configuration mistake, one naming a mapped field as data", () => {
    expect(classifyEntry(entry("Error: url is required"), facts).cause).toBe("COMPONENT_ERROR");
    expect(classifyEntry(entry("Parameter 'customerId' is invalid"), facts).cause).toBe("MAPPING");
    expect(classifyEntry(entry("Error: url is required"), { ...facts, flows: new Map() }).cause).toBe(
      "MAPPING",
    );
  });
});
