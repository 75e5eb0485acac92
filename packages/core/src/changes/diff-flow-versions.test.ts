import { describe, expect, it } from "vitest";
import type { FlowGraph, FlowNode } from "../model/platform.js";
import { diffFlowVersions } from "./diff-flow-versions.js";

const node = (id: string, extra: Partial<FlowNode> = {}): FlowNode => ({
  id,
  componentId: "c0ffee000000000000000001",
  command: "elasticio/rest-api-component-v2:httpRequestAction@1111111111111111111111111111111111111111",
  name: `Step ${id}`,
  ...extra,
});

const graph = (
  nodes: FlowNode[],
  mappers: Record<string, unknown> = {},
  conditions: Record<string, string> = {},
): FlowGraph => ({
  nodes,
  edges: nodes.slice(1).map((target, index) => ({
    source: nodes[index]?.id ?? "step_1",
    target: target.id,
    config: {
      mapperType: "jsonata",
      mapper: (mappers[target.id] ?? {}) as Record<string, unknown>,
      condition: conditions[target.id] ?? null,
    },
  })),
});

const base = [node("step_1", { command: "elasticio/timer:timer@latest" }), node("step_2"), node("step_3")];

describe("diffFlowVersions", () => {
  it("finds no change between equal graphs", () => {
    expect(diffFlowVersions(graph(base), graph(base))).toEqual([]);
  });

  it("names a nested JSONata mapper leaf that was added, with the message path it starts reading", () => {
    const before = graph(base, {
      step_3: { customer: { name: "$.customer.name", address: { city: "$.city" } } },
    });
    const after = graph(base, {
      step_3: {
        customer: { name: "$.customer.name", vat: "$uppercase($.customer.vat)", address: { city: "$.city" } },
      },
    });
    expect(diffFlowVersions(before, after)).toEqual([
      {
        kind: "MAPPER_CHANGED",
        stepId: "step_3",
        path: "mapper.customer.vat",
        after: "$uppercase($.customer.vat)",
        addedReads: ["$.customer.vat"],
        summary: "added `customer.vat` in the mapper of step_3 (added `$.customer.vat`)",
      },
    ]);
  });

  it("tells a changed expression deep in an array of a mapper, with reads added and removed", () => {
    const before = graph(base, { step_2: { lines: [{ sku: "$.item.sku" }, { qty: "$.item.quantity" }] } });
    const after = graph(base, { step_2: { lines: [{ sku: "$.item.sku" }, { qty: "$.item.qty * 1" }] } });
    const [change] = diffFlowVersions(before, after);
    expect(change).toMatchObject({
      kind: "MAPPER_CHANGED",
      stepId: "step_2",
      path: "mapper.lines[1].qty",
      before: "$.item.quantity",
      after: "$.item.qty * 1",
      addedReads: ["$.item.qty"],
      removedReads: ["$.item.quantity"],
    });
  });

  it("reads a mapper that is one JSONata expression as a whole", () => {
    const before = graph(base, { step_2: "{ 'id': $.id }" });
    const after = graph(base, { step_2: "{ 'id': $.id, 'mail': $.contact.email }" });
    expect(diffFlowVersions(before, after)).toMatchObject([
      { kind: "MAPPER_CHANGED", stepId: "step_2", path: "mapper", addedReads: ["$.contact.email"] },
    ]);
  });

  it("tells removed mapper keys and a changed routing condition apart", () => {
    const before = graph(base, { step_3: { a: "$.a", b: "$.b" } });
    const after = graph(base, { step_3: { a: "$.a" } }, { step_3: "$.b != null" });
    expect(diffFlowVersions(before, after).map((change) => [change.kind, change.path])).toEqual([
      ["MAPPER_CHANGED", "mapper.b"],
      ["CONDITION_CHANGED", "condition"],
    ]);
  });

  it("diffs nested configuration objects leaf by leaf and never shows a secret-named value", () => {
    const before = graph([
      base[0] as FlowNode,
      node("step_2", {
        fields: { url: "https://a.example/v1", headers: { "x-api-key": "k-old-1", accept: "json" } },
      }),
    ]);
    const after = graph([
      base[0] as FlowNode,
      node("step_2", {
        fields: {
          url: "https://a.example/v2",
          headers: { "x-api-key": "k-new-2", accept: "json" },
          timeout: 30,
        },
      }),
    ]);
    const changes = diffFlowVersions(before, after);
    expect(changes.map((change) => [change.path, change.before, change.after])).toEqual([
      ["fields.url", "https://a.example/v1", "https://a.example/v2"],
      ["fields.headers.x-api-key", "[REDACTED]", "[REDACTED]"],
      ["fields.timeout", undefined, "30"],
    ]);
    expect(JSON.stringify(changes)).not.toContain("k-new-2");
  });

  it("redacts a secret inside a configuration value whose key does not look secret", () => {
    const token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
    const before = graph([base[0] as FlowNode, node("step_2", { fields: { note: "none" } })]);
    const after = graph([base[0] as FlowNode, node("step_2", { fields: { note: `use ${token}` } })]);
    expect(JSON.stringify(diffFlowVersions(before, after))).not.toContain(token);
  });

  it("tells a component version upgrade from a function or component swap", () => {
    const upgraded = node("step_2", {
      command: "elasticio/rest-api-component-v2:httpRequestAction@2222222222222222222222222222222222222222",
    });
    const swapped = node("step_3", {
      componentId: "c0ffee000000000000000009",
      command: "elasticio/soap:call@latest",
    });
    const changes = diffFlowVersions(graph(base), graph([base[0] as FlowNode, upgraded, swapped]));
    expect(changes.map((change) => [change.kind, change.stepId])).toEqual([
      ["COMPONENT_VERSION_CHANGED", "step_2"],
      ["COMPONENT_CHANGED", "step_3"],
    ]);
    const fn = diffFlowVersions(
      graph(base),
      graph([
        base[0] as FlowNode,
        node("step_2", {
          command: "elasticio/rest-api-component-v2:other@1111111111111111111111111111111111111111",
        }),
        base[2] as FlowNode,
      ]),
    );
    expect(fn.map((change) => change.kind)).toEqual(["FUNCTION_CHANGED"]);
  });

  it("names a switched credential", () => {
    const before = graph([
      base[0] as FlowNode,
      node("step_2", { credentialsId: "aaaaaaaaaaaaaaaaaaaaaaaa" }),
    ]);
    const after = graph([base[0] as FlowNode, node("step_2", { credentialsId: "bbbbbbbbbbbbbbbbbbbbbbbb" })]);
    expect(diffFlowVersions(before, after)).toEqual([
      {
        kind: "CREDENTIAL_CHANGED",
        stepId: "step_2",
        path: "credentialsId",
        before: "aaaaaaaaaaaaaaaaaaaaaaaa",
        after: "bbbbbbbbbbbbbbbbbbbbbbbb",
        summary: "step_2 switched credentialsId from aaaaaaaaaaaaaaaaaaaaaaaa to bbbbbbbbbbbbbbbbbbbbbbbb",
      },
    ]);
  });

  it("lists added steps in order and removed steps last, and a re-routed step", () => {
    const before = graph(base);
    const after = graph([base[0] as FlowNode, node("step_4"), base[1] as FlowNode]);
    expect(diffFlowVersions(before, after).map((change) => [change.kind, change.stepId])).toEqual([
      ["STEP_ADDED", "step_4"],
      ["ROUTE_CHANGED", "step_2"],
      ["ROUTE_CHANGED", "step_2"],
      ["STEP_REMOVED", "step_3"],
    ]);
  });
});
