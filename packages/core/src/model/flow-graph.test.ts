import { describe, expect, it } from "vitest";
import { isCoreError } from "../errors.js";
import {
  edgeInto,
  errorHandlerStep,
  nextSteps,
  parseComponentCommand,
  previousStep,
  previousSteps,
  stepFieldsOf,
  stepsInExecutionOrder,
  triggerStep,
} from "./flow-graph.js";
import type { FlowGraph, FlowNode } from "./platform.js";

const node = (id: string, extra: Partial<FlowNode> = {}): FlowNode => ({
  id,
  componentId: "585918da586224001b96de89",
  command: `elasticio/${id}:run`,
  name: id,
  ...extra,
});

// Listed out of order on purpose: execution order must come from the edges, not the node list.
const branching: FlowGraph = {
  nodes: [
    node("step_3"),
    node("step_1"),
    node("step_4"),
    node("step_2"),
    node("error_all", { isErrorHandler: true }),
  ],
  edges: [
    { source: "step_1", target: "step_2", config: { mapper: { id: "$.body.id" } } },
    { source: "step_2", target: "step_3", config: { mapper: "$" } },
    { source: "step_2", target: "step_4" },
    { source: null, target: "error_all", config: { isErrorRoute: true } },
  ],
};

describe("flow graph helpers", () => {
  it("finds the trigger as the node nothing points to", () => {
    expect(triggerStep(branching)?.id).toBe("step_1");
  });

  it("orders steps from the trigger along the edges and leaves out the error handler", () => {
    expect(stepsInExecutionOrder(branching).map((step) => step.id)).toEqual([
      "step_1",
      "step_2",
      "step_3",
      "step_4",
    ]);
  });

  it("puts unreachable steps last instead of dropping them", () => {
    const graph: FlowGraph = {
      nodes: [node("step_1"), node("orphan"), node("step_2")],
      edges: [{ source: "step_1", target: "step_2" }],
    };
    expect(stepsInExecutionOrder(graph).map((step) => step.id)).toEqual(["step_1", "step_2", "orphan"]);
  });

  it("survives cycles", () => {
    const graph: FlowGraph = {
      nodes: [node("step_1"), node("step_2"), node("step_3")],
      edges: [
        { source: "step_1", target: "step_2" },
        { source: "step_2", target: "step_3" },
        { source: "step_3", target: "step_2" },
      ],
    };
    expect(stepsInExecutionOrder(graph).map((step) => step.id)).toEqual(["step_1", "step_2", "step_3"]);
  });

  it("rejects an edge to an unknown step with a typed error", () => {
    const graph: FlowGraph = { nodes: [node("step_1")], edges: [{ source: "step_1", target: "step_9" }] };
    expect(() => stepsInExecutionOrder(graph)).toThrow(/unknown step "step_9"/);
    try {
      stepsInExecutionOrder(graph);
    } catch (error) {
      expect(isCoreError(error) && error.code).toBe("CORE_INVALID_GRAPH");
    }
  });

  it("answers the neighbours of a step", () => {
    expect(previousStep(branching, "step_3")?.id).toBe("step_2");
    expect(previousStep(branching, "step_1")).toBeUndefined();
    expect(previousSteps(branching, "error_all")).toEqual([]);
    expect(nextSteps(branching, "step_2").map((step) => step.id)).toEqual(["step_3", "step_4"]);
    expect(edgeInto(branching, "step_2")?.config?.mapper).toEqual({ id: "$.body.id" });
    expect(errorHandlerStep(branching)?.id).toBe("error_all");
  });

  it("parses component commands", () => {
    expect(parseComponentCommand("elasticio/timer:timer")).toEqual({
      team: "elasticio",
      repo: "timer",
      function: "timer",
    });
    expect(parseComponentCommand("acme/rest-api-component-v2:httpRequestAction@latest")).toEqual({
      team: "acme",
      repo: "rest-api-component-v2",
      function: "httpRequestAction",
      version: "latest",
    });
    expect(parseComponentCommand("not a command")).toBeUndefined();
  });
});

describe("stepFieldsOf", () => {
  const graph: FlowGraph = {
    nodes: [node("step_1"), node("step_2", { fields: { url: "https://x", method: "POST" } }), node("step_3")],
    edges: [
      {
        source: "step_1",
        target: "step_2",
        config: { mapper: { body: { customer: { email: "$.email", tags: { a: "1" } } }, id: "$.id" } },
      },
      { source: "step_2", target: "step_3", config: { mapper: "$" } },
    ],
  };

  it("names the step's configuration fields and the fields its mapper sets, three levels deep", () => {
    expect(stepFieldsOf(graph, "step_2")).toEqual({
      configuration: ["url", "method"],
      mapped: ["body", "customer", "email", "tags", "id"],
    });
  });

  it("sets no fields for a mapper that is one expression, and knows no unknown step", () => {
    expect(stepFieldsOf(graph, "step_3")).toEqual({ configuration: [], mapped: [] });
    expect(stepFieldsOf(graph, "step_9")).toBeUndefined();
  });
});
