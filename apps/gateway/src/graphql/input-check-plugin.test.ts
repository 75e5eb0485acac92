import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeCursor } from "../schema/common/cursor.js";
import { type EmulatorGateway, startEmulatorGateway } from "../testing/emulator-gateway.js";
import { dataOf, type GraphQLBody } from "../testing/test-gateway.js";

const cursorOf = (text: string): string => Buffer.from(text).toString("base64url");

describe("arguments no resolver should see", () => {
  let env: EmulatorGateway;
  let workspaceId: string;
  const ask = async (query: string, variables: Record<string, unknown> = {}) =>
    env.gateway.query(query, { variables, headers: env.as("alice") });
  const expectRefused = (answer: { status: number; body: GraphQLBody }, argument: string) => {
    const error = answer.body.errors?.[0];
    expect(error?.extensions?.code, JSON.stringify(answer.body)).toBe("BAD_USER_INPUT");
    expect(error?.extensions?.argument).toBe(argument);
    expect(error?.message).toContain(argument);
    expect(answer.status).toBeLessThan(500);
  };

  beforeAll(async () => {
    env = await startEmulatorGateway({ TICKET_WORKER: "off" });
    const { body } = await ask("{ workspaces(first: 1) { nodes { id } } }");
    workspaceId = dataOf<{ nodes: { id: string }[] }>(body, "workspaces").nodes[0]?.id as string;
  });
  afterAll(async () => {
    await env?.close();
  });

  it.each([
    ["a NUL character", "a\u0000b", "a\\u0000b"],
    ["a lone high surrogate", "a\ud800b", undefined],
    ["a lone low surrogate", "\udc00", undefined],
    ["a blank id", "", ""],
    ["a blank id of spaces", "  ", "  "],
    ["an id longer than any id", "f".repeat(5_000), "f".repeat(5_000)],
  ])("refuses %s in an ID, as a variable and as a literal", async (_, id, literal) => {
    expectRefused(await ask("query($id: ID!) { flow(id: $id) { name } }", { id }), "id");
    // GraphQL's lexer itself refuses a lone surrogate's escape in a literal (GRAPHQL_PARSE_FAILED).
    if (literal !== undefined) expectRefused(await ask(`{ workspace(id: "${literal}") { name } }`), "id");
  });

  it("refuses NUL and lone surrogates in search and filter strings, naming the nested field", async () => {
    const flows =
      "query($ws: ID!, $s: String) { flows(workspaceId: $ws, filter: { search: $s }) { totalCount } }";
    expectRefused(await ask(flows, { ws: workspaceId, s: "\ud83dx" }), "filter.search");
    const logs = "query($ws: ID!, $f: LogFilter) { logs(workspaceId: $ws, filter: $f) { totalCount } }";
    expectRefused(await ask(logs, { ws: workspaceId, f: { search: "x\u0000" } }), "filter.search");
    expectRefused(
      await ask(logs, { ws: workspaceId, f: { stepIds: ["step_1", "\udfff"] } }),
      "filter.stepIds.1",
    );
    expectRefused(await ask(logs, { ws: workspaceId, f: { flowIds: [" "] } }), "filter.flowIds.0");
    const flowIds = Array.from({ length: 1_001 }, (_, index) => index.toString(16).padStart(24, "0"));
    expectRefused(await ask(logs, { ws: workspaceId, f: { flowIds } }), "filter.flowIds");
    const classify = "query($m: String!) { classifyError(message: $m) { cause } }";
    expectRefused(await ask(classify, { m: "boom\u0000" }), "message");
  });

  it("refuses NUL and lone surrogates in ticket text before anything is written", async () => {
    const before = await ask("{ tickets { totalCount } }");
    const create = "mutation($input: CreateTicketDraftInput!) { createTicketDraft(input: $input) { id } }";
    expectRefused(await ask(create, { input: { title: "Orders\u0000" } }), "input.title");
    expectRefused(
      await ask(create, { input: { stepsToReproduce: ["ok", "\ud800"] } }),
      "input.stepsToReproduce.1",
    );
    expectRefused(await ask(create, { input: { otherIds: { stepId: "\u0000" } } }), "input.otherIds.stepId");
    expectRefused(await ask(create, { input: { workspaceId: " " } }), "input.workspaceId");
    const twoRoots = `mutation($bad: String) { ok: createTicketDraft(input: { title: "fine" }) { id }
      bad: createTicketDraft(input: { title: $bad }) { id } }`;
    expectRefused(await ask(twoRoots, { bad: "\udc00" }), "input.title");
    expect((await ask("{ tickets { totalCount } }")).body.data).toEqual(before.body.data);
  });

  it.each([
    ["a position of 1e308", cursorOf("fd:o:1e308")],
    ["a position of 2^53+1", cursorOf("fd:o:9007199254740993")],
    ["a negative position", cursorOf("fd:o:-1")],
    ["a fractional position", cursorOf("fd:o:1.5")],
    ["a hexadecimal position", cursorOf("fd:o:0x10")],
    ["a position with spaces", cursorOf("fd:o: 7")],
    ["a position past every list", encodeCursor(10_000_001)],
    ["garbage", "%%% not a cursor"],
  ])("refuses a cursor with %s on every kind of list", async (_, after) => {
    const variables = { ws: workspaceId, after };
    expectRefused(
      await ask("query($after: String) { contracts(after: $after) { totalCount } }", variables),
      "after",
    );
    for (const field of ["flows", "logs", "errors", "errorGroups", "diagnoseWorkspace"]) {
      const query = `query($ws: ID!, $after: String) { ${field}(workspaceId: $ws, after: $after) { totalCount } }`;
      expectRefused(await ask(query, variables), "after");
    }
  });

  it("refuses a log cursor past the platform's 10,000 entries, and accepts the last one", async () => {
    const query = "query($ws: ID!, $after: String) { logs(workspaceId: $ws, after: $after) { totalCount } }";
    expectRefused(await ask(query, { ws: workspaceId, after: encodeCursor(10_000) }), "after");
    const last = await ask(query, { ws: workspaceId, after: encodeCursor(9_999) });
    expect(last.body.errors).toBeUndefined();
  });

  it.each(["garbage", "1e308", "-1", "0", "99999999999", " 7"])(
    "refuses the ticket cursor %j",
    async (after) => {
      expectRefused(
        await ask("query($after: String) { tickets(after: $after) { totalCount } }", { after }),
        "after",
      );
    },
  );
});
