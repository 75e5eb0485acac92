import { describe, expect, it } from "vitest";
import type { FlowGraph, FlowVersion } from "../model/platform.js";
import { findChangeBehind } from "./change-behind.js";

const T0 = Date.UTC(2030, 0, 10, 12, 0, 0);
const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

const graph = (vatMapper: boolean, url = "https://erp.example/api"): FlowGraph => ({
  nodes: [
    { id: "step_1", componentId: "a".repeat(24), command: "elasticio/timer:timer", name: "Timer" },
    {
      id: "step_2",
      componentId: "b".repeat(24),
      command: "elasticio/rest:call",
      name: "Call",
      fields: { url },
    },
    { id: "step_3", componentId: "b".repeat(24), command: "elasticio/rest:call", name: "Store" },
  ],
  edges: [
    { source: "step_1", target: "step_2", config: { mapper: {} } },
    {
      source: "step_2",
      target: "step_3",
      config: { mapper: vatMapper ? { id: "$.id", vat: "$.customer.vat" } : { id: "$.id" } },
    },
  ],
});

const version = (n: number, minutes: number, g: FlowGraph): FlowVersion => ({
  id: String(n).repeat(40).slice(0, 40),
  flowId: "f".repeat(24),
  name: `v${n}`,
  description: null,
  createdAt: at(minutes),
  graph: g,
});

const history = [
  version(1, -20_000, graph(false)),
  version(2, -3000, graph(false, "https://erp.example/v2")),
  version(3, -4, graph(true, "https://erp.example/v2")),
];

describe("findChangeBehind", () => {
  it("names the version in force when the problem began and the failing step's own change", () => {
    const found = findChangeBehind(history, { stepId: "step_3", firstSeen: at(0) });
    expect(found).toMatchObject({
      status: "CHANGED",
      version: { number: 3, createdAt: at(-4) },
      previousVersion: { number: 2 },
      minutesAfterChange: 4,
      stepChanged: true,
    });
    expect(found.summary).toBe(
      "Began 4 minutes after version 3 added `vat` in the mapper of step_3 (added `$.customer.vat`).",
    );
  });

  it("says when the change was elsewhere and the failing step itself did not change", () => {
    const found = findChangeBehind(history, { stepId: "step_2", firstSeen: at(30) });
    expect(found).toMatchObject({ status: "CHANGED", stepChanged: false, minutesAfterChange: 34 });
    expect(found.summary).toContain("step_2 itself did not change");
  });

  it("answers NO_CHANGE when the version in force is older than the look-back", () => {
    const found = findChangeBehind(history.slice(0, 2), { stepId: "step_3", firstSeen: at(0) });
    expect(found).toMatchObject({
      status: "NO_CHANGE",
      version: { number: 2 },
      stepChanged: false,
      changes: [],
    });
    expect(found.summary).toContain("something outside the flow changed");
  });

  it("uses the version in force then, not the newest one", () => {
    const found = findChangeBehind(history, { stepId: "step_2", firstSeen: at(-2990) });
    expect(found).toMatchObject({ status: "CHANGED", version: { number: 2 }, stepChanged: true });
    expect(found.changes[0]).toMatchObject({ kind: "CONFIGURATION_CHANGED", path: "fields.url" });
  });

  it("answers NO_CHANGE for a flow with one version or a problem older than every version", () => {
    expect(findChangeBehind(history.slice(0, 1), { stepId: "step_2", firstSeen: at(0) }).status).toBe(
      "NO_CHANGE",
    );
    expect(findChangeBehind(history, { stepId: "step_2", firstSeen: at(-30_000) })).toMatchObject({
      status: "NO_CHANGE",
    });
  });
});
