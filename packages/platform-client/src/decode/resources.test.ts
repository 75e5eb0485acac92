import { describe, expect, it } from "vitest";
import {
  COMPONENT_ID,
  documentedComponentBody,
  documentedLogHit,
  FLOW_ID,
  USER_ID,
  WORKSPACE_ID,
} from "../testing/documented-bodies.js";
import { decodeComponent, indexIncluded } from "./component.js";
import { decodeCredential } from "./credential.js";
import { decodeVerification } from "./execution-result.js";
import { readPageMeta } from "./json-api.js";
import { decodeLogHits } from "./log-entry.js";
import { decodeQueueStats } from "./queue-stats.js";
import { decodeUser } from "./user.js";
import { decodeWorkspace } from "./workspace.js";

describe("resource decoders", () => {
  it("reads a component with its latest version and the descriptor's runtime facts from included", () => {
    const body = documentedComponentBody();
    expect(decodeComponent(body.data, "data", indexIncluded(body.included))).toEqual({
      id: COMPONENT_ID,
      name: "rest-api-component-v2",
      teamName: "acme",
      access: "team",
      latestVersion: {
        id: "0eff1d1aa",
        componentId: COMPONENT_ID,
        versionNumber: 7,
        date: new Date(1_700_000_000_000).toISOString(),
        language: "nodejs",
        sailorVersion: "2.7.8",
      },
    });
  });

  it("reads a component without included versions", () => {
    const { data } = documentedComponentBody();
    expect(decodeComponent(data, "data", indexIncluded([])).latestVersion).toBeUndefined();
  });

  it("drops credential keys", () => {
    const credential = decodeCredential(
      {
        id: "c1",
        type: "credential",
        attributes: { name: "ERP", keys: { password: "hunter2" } },
        relationships: {
          user: { data: { id: USER_ID, type: "user" } },
          component: { data: { id: COMPONENT_ID, type: "component" } },
          workspace: { data: { id: WORKSPACE_ID, type: "workspace" } },
        },
      },
      "data",
    );
    expect(credential).toEqual({
      id: "c1",
      name: "ERP",
      componentId: COMPONENT_ID,
      workspaceId: WORKSPACE_ID,
      authorId: USER_ID,
    });
    expect(JSON.stringify(credential)).not.toContain("hunter2");
  });

  it("reads a user and a workspace whose GET answer leaves the type out", () => {
    expect(
      decodeUser(
        {
          id: USER_ID,
          type: "user",
          attributes: {
            first_name: "Ada",
            last_name: "L",
            email: "ada@example.com",
            registered: "2020-01-01T00:00:00Z",
          },
        },
        "data",
      ),
    ).toEqual({
      id: USER_ID,
      firstName: "Ada",
      lastName: "L",
      email: "ada@example.com",
      registeredAt: "2020-01-01T00:00:00Z",
    });
    const workspace = decodeWorkspace(
      {
        id: WORKSPACE_ID,
        type: "workspace",
        attributes: { name: "Prod" },
        relationships: { contract: { data: { id: "k1", type: "contract" } } },
      },
      "data",
    );
    expect(workspace).toEqual({ id: WORKSPACE_ID, name: "Prod", type: "full", contractId: "k1" });
  });

  it("reads log hits into core log entries", () => {
    const { total, entries } = decodeLogHits({ total: 3, hits: [documentedLogHit()] });
    expect(total).toBe(3);
    expect(entries[0]).toEqual({
      id: "0b6f1c1e-7d1c-4f3e-9a55-2a4c3f0e9d11",
      timestamp: "2026-11-24T07:01:02.003Z",
      level: 50,
      message: "Error: getaddrinfo ENOTFOUND erp.example.com",
      workspaceId: WORKSPACE_ID,
      flowId: FLOW_ID,
      stepId: "step_2",
      userId: USER_ID,
      componentId: COMPONENT_ID,
      componentName: "REST API",
      execId: "5f0c0e1d2c3b4a5968778695a4b3c2d1",
      threadId: "a0c1e2f3-0000-4000-8000-000000000001",
      method: "httpRequestAction",
    });
    expect(() => decodeLogHits({ total: 1, hits: [{ ...documentedLogHit(), level: "error" }] })).toThrow(
      "hits[0].level must be a number, got a string",
    );
    expect(() => decodeLogHits({ data: [] })).toThrow("hits must be an array");
  });

  it("reads queue stats, which come without meta", () => {
    const stats = decodeQueueStats(
      {
        id: FLOW_ID,
        type: "flow-queue-stats",
        attributes: { stats: [{ step_id: "step_1", total: 5, ready: 4, unacked: 1, rebounds: 0 }] },
      },
      "data",
    );
    expect(stats).toEqual({
      flowId: FLOW_ID,
      steps: [{ stepId: "step_1", total: 5, ready: 4, unacked: 1, rebounds: 0 }],
    });
  });

  it("tolerates missing and empty pagination meta but not a malformed one", () => {
    expect(readPageMeta({ data: [] })).toEqual({});
    expect(readPageMeta({ data: [], meta: {} })).toEqual({});
    expect(readPageMeta({ data: [], meta: { page: 2, per_page: 10, total: 35, total_pages: 4 } })).toEqual({
      page: 2,
      perPage: 10,
      total: 35,
      totalPages: 4,
    });
    expect(() => readPageMeta({ data: [], meta: { total: -1 } })).toThrow(
      "meta.total must be a non-negative integer",
    );
  });
});

describe("decodeVerification", () => {
  const body = (result: unknown) => ({
    data: { id: "e1", type: "execution-result", attributes: { result } },
    meta: {},
  });

  it("reads verified and not verified with its reason", () => {
    expect(decodeVerification(body({ status: "success", data: { verified: true } }))).toEqual({
      verified: true,
    });
    expect(decodeVerification(body({ data: { verified: false, reason: "401 from ERP" } }))).toEqual({
      verified: false,
      reason: "401 from ERP",
    });
  });

  it("counts a thrown error as not verified and a result without `verified` as verified, like the runtime", () => {
    expect(decodeVerification(body({ status: "error", data: { message: "ECONNREFUSED" } }))).toEqual({
      verified: false,
      reason: "ECONNREFUSED",
    });
    expect(decodeVerification(body({ status: "success", data: {} }))).toEqual({ verified: true });
  });

  it("refuses a pending (empty) result rather than calling it verified", () => {
    expect(() => decodeVerification(body({}))).toThrow("data.attributes.result.data must be an object");
    expect(() => decodeVerification(body({ data: { verified: "yes" } }))).toThrow("must be a boolean");
  });
});
