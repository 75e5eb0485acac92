import { describe, expect, it } from "vitest";
import { documentedFlow, FLOW_ID, USER_ID, WORKSPACE_ID } from "../testing/documented-bodies.js";
import { DecodeIssue } from "./decode-issue.js";
import { decodeFlow, decodeFlowVersion } from "./flow.js";

describe("decodeFlow", () => {
  it("turns the documented snake_case flow into the core Flow", () => {
    const flow = decodeFlow(documentedFlow(), "data");
    expect(flow).toMatchObject({
      id: FLOW_ID,
      name: "Orders to ERP",
      description: null,
      type: "ordinary",
      status: "active",
      currentStatus: "starting",
      authorId: USER_ID,
      workspaceId: WORKSPACE_ID,
      cron: "*/10 * * * *",
      lastStartTime: "2026-11-24T07:00:00.000Z",
      statsEnabled: true,
      latestVersionId: "0f1a2b3c4d5e6f708192a3b4c5d6e7f801234567",
    });
    expect(flow.graph.nodes[1]).toEqual({
      id: "step_2",
      componentId: "55ba18e35d04040500000004",
      command: "acme/rest-api-component-v2:httpRequestAction@latest",
      name: "POST order",
      description: "sends the order",
      fields: { url: "https://erp.example.com/orders" },
      credentialsId: "5b0d5a7d3b4c3a0011aa0001",
      selectedDataSamples: ["5b0d5a7d3b4c3a0011aa0002"],
    });
    expect(flow.graph.nodes[2]?.isErrorHandler).toBe(true);
    expect(flow.graph.edges).toEqual([
      {
        id: "mapper:step_1:step_2",
        source: "step_1",
        target: "step_2",
        config: { mapperType: "jsonata", mapper: { id: "$.body.id" }, condition: null },
      },
      { source: null, target: "error_all", config: { mapper: "$", isErrorRoute: true } },
    ]);
    expect(flow.nodesConfig).toEqual({
      step_2: { prefetch: 3, replicas: 2, passthroughDisabled: true, logLevel: "debug" },
    });
  });

  it("takes the desired status as the observed one when current_status is missing, and no nodes_config as none", () => {
    const body = documentedFlow();
    const { current_status: _, nodes_config: __, ...attributes } = body.attributes;
    const flow = decodeFlow({ ...body, attributes }, "data");
    expect(flow.currentStatus).toBe("active");
    expect(flow.nodesConfig).toEqual({});
  });

  it("names the field, the rule and the received type when a field has the wrong type", () => {
    const body = documentedFlow();
    const broken = {
      ...body,
      attributes: { ...body.attributes, graph: { ...body.attributes.graph, nodes: [{ id: 7 }] } },
    };
    expect(() => decodeFlow(broken, "data")).toThrow(DecodeIssue);
    expect(() => decodeFlow(broken, "data")).toThrow(
      "data.attributes.graph.nodes[0].id must be a string, got number 7",
    );
  });

  it("rejects another resource type and a flow without author", () => {
    expect(() => decodeFlow({ ...documentedFlow(), type: "workspace" }, "data")).toThrow(
      'data.type must be "flow"',
    );
    const { user: _, ...relationships } = documentedFlow().relationships;
    expect(() => decodeFlow({ ...documentedFlow(), relationships }, "data[4]")).toThrow(
      "data[4].relationships.user.data.id must be a string",
    );
  });

  it("rejects an undocumented flow status instead of passing it on", () => {
    const body = documentedFlow();
    expect(() =>
      decodeFlow({ ...body, attributes: { ...body.attributes, status: "paused" } }, "data"),
    ).toThrow("data.attributes.status must be one of active, inactive, suspended");
  });
});

describe("decodeFlowVersion", () => {
  it("reads a version and falls back to the requested flow id", () => {
    const version = decodeFlowVersion(
      {
        id: "0f1a2b3c4d5e6f708192a3b4c5d6e7f801234567",
        type: "flow-version",
        attributes: {
          name: "v1",
          description: "first",
          graph: { nodes: [], edges: [] },
          created_at: "2026-11-01T10:00:00Z",
        },
        relationships: { user: { data: { id: USER_ID, type: "user" } } },
      },
      "data",
      FLOW_ID,
    );
    expect(version).toEqual({
      id: "0f1a2b3c4d5e6f708192a3b4c5d6e7f801234567",
      flowId: FLOW_ID,
      name: "v1",
      description: "first",
      createdAt: "2026-11-01T10:00:00Z",
      authorId: USER_ID,
      graph: { nodes: [], edges: [] },
    });
  });
});
