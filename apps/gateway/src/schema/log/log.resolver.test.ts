import { parseLogFile } from "@flowdoctor/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../../testing/emulator-gateway.js";
import { dataOf } from "../../testing/test-gateway.js";

describe("logs and log files over the demo emulator", () => {
  let env: EmulatorGateway;
  let workspaceId: string;
  beforeAll(async () => {
    env = await startEmulatorGateway();
    const { body } = await env.gateway.query("{ workspaces { nodes { id name } } }", {
      headers: env.as("alice"),
    });
    const nodes = dataOf<{ nodes: { id: string; name: string }[] }>(body, "workspaces").nodes;
    workspaceId = nodes.find((node) => node.name === "Acme Production")?.id as string;
  });
  afterAll(async () => {
    await env.close();
  });

  const logs = async (variables: Record<string, unknown>) => {
    const query = `query L($ws: ID!, $first: Int, $after: String, $filter: LogFilter) {
      logs(workspaceId: $ws, first: $first, after: $after, filter: $filter) {
        totalCount pageInfo { hasNextPage endCursor } nodes { id levelName message flowId } } }`;
    const { body } = await env.gateway.query(query, {
      headers: env.as("alice"),
      variables: { ws: workspaceId, ...variables },
    });
    return dataOf<{
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string };
      nodes: { id: string; levelName: string; message: string }[];
    }>(body, "logs");
  };

  it("pages through logs with cursors, one page after the other", async () => {
    const both = await logs({ first: 20 });
    const first = await logs({ first: 10 });
    const second = await logs({ first: 10, after: first.pageInfo.endCursor });
    expect([...first.nodes, ...second.nodes].map((node) => node.id)).toEqual(
      both.nodes.map((node) => node.id),
    );
    expect(first.totalCount).toBeGreaterThan(20);
  });

  it("filters by level and strips search highlights", async () => {
    const fatal = await logs({ first: 50, filter: { levels: ["ERROR", "FATAL"] } });
    expect(fatal.nodes.every((node) => node.levelName === "ERROR" || node.levelName === "FATAL")).toBe(true);
    const searched = await logs({ first: 5, filter: { search: "ECONNREFUSED" } });
    expect(searched.nodes.length).toBeGreaterThan(0);
    expect(searched.nodes.every((node) => !node.message.includes("<em>"))).toBe(true);
  });

  it("writes a redacted log file that core can read back, and says when it is truncated", async () => {
    const query = `query F($ws: ID!, $limit: Int) { logFile(workspaceId: $ws, limit: $limit) { text entryCount totalCount truncated } }`;
    const { body } = await env.gateway.query(query, {
      headers: env.as("alice"),
      variables: { ws: workspaceId, limit: 30 },
    });
    const file = dataOf<{ text: string; entryCount: number; totalCount: number; truncated: boolean }>(
      body,
      "logFile",
    );
    expect(file.entryCount).toBe(30);
    expect(parseLogFile(file.text)).toHaveLength(30);
    expect(file.truncated).toBe(file.totalCount > 30);
  });

  it("refuses a log file larger than MAX_LOG_SCAN", async () => {
    const query = `query F($ws: ID!) { logFile(workspaceId: $ws, limit: 999999) { entryCount } }`;
    const { body } = await env.gateway.query(query, {
      headers: env.as("alice"),
      variables: { ws: workspaceId },
    });
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "limit" });
  });
});

describe("classifyError", () => {
  let env: EmulatorGateway;
  beforeAll(async () => {
    env = await startEmulatorGateway();
  });
  afterAll(async () => {
    await env.close();
  });

  it("classifies text without credentials and keeps secrets out of the evidence", async () => {
    const query = `query C($m: String!, $s: Int) { classifyError(message: $m, statusCode: $s) {
      cause level confidence retryable docsUrl evidence { signal source value } } }`;
    const { body } = await env.gateway.query(query, {
      variables: { m: 'Error: Code: 401 Message: Unauthorized Body: {"password":"hunter2"}', s: 401 },
    });
    const result = dataOf<{ cause: string; level: string; evidence: { source: string }[] }>(
      body,
      "classifyError",
    );
    expect(result.cause).toBe("INVALID_CREDENTIALS");
    expect(result.level).toBe("INTEGRATION_LOGIC");
    expect(result.evidence.some((item) => item.source === "statusCode")).toBe(true);
    expect(JSON.stringify(body)).not.toContain("hunter2");
  });
});
