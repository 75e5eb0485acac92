import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoWorkspaceId } from "../demo/demo-directory.js";
import { demoFlowId } from "../demo/demo-scenario.js";
import { createEmulator, type Emulator } from "../server/create-emulator.js";
import { ALICE, BOB, call, GINA, TEST_NOW, userByEmail } from "../testing/api.js";

const ACME = demoWorkspaceId("acme-prod");
type Hit = Record<string, unknown> & { timestamp: string; level: number; message: string; flow_id: string };

describe("GET /v2/logs", () => {
  let emulator: Emulator;
  const logs = async (query: string, email = ALICE) =>
    call(emulator, `/v2/logs?workspace_id=${ACME}${query}`, { as: userByEmail(emulator, email) });
  beforeAll(async () => {
    emulator = await createEmulator({ now: TEST_NOW });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("answers plain JSON {total, hits}, newest first, 100 by default", async () => {
    const answer = await logs("");
    expect(Object.keys(answer.body).sort()).toEqual(["hits", "total"]);
    const expected = emulator.scenario.logs.filter((entry) => entry.workspace_id === ACME).length;
    expect(answer.body.total).toBe(Math.min(expected, 10_000));
    expect(answer.body.hits).toHaveLength(100);
    const times = answer.body.hits.map((hit: Hit) => hit.timestamp);
    expect(times).toEqual([...times].sort().reverse());
  });

  it("serves appended entries from then on, newest first", async () => {
    // An emulator of its own: the other tests compare answers with the seeded scenario.
    const own = await createEmulator({ now: TEST_NOW });
    const ownLogs = async (query: string) =>
      call(own, `/v2/logs?workspace_id=${ACME}${query}`, { as: userByEmail(own, ALICE) });
    const before = (await ownLogs("&limit=1")).body.total as number;
    const template = emulator.scenario.logs.find((entry) => entry.workspace_id === ACME);
    if (template === undefined) throw new Error("no Acme log entry");
    const late = new Date(TEST_NOW.getTime() + 60_000).toISOString();
    const early = new Date(TEST_NOW.getTime() - 30 * 86_400_000).toISOString();
    own.appendLogs([
      { ...template, id: "00000000-0000-4000-8000-00000000000a", timestamp: late, message: "appended late" },
      {
        ...template,
        id: "00000000-0000-4000-8000-00000000000b",
        timestamp: early,
        message: "appended early",
      },
    ]);
    const answer = await ownLogs("&limit=1000");
    const oldest = (await ownLogs(`&to=${encodeURIComponent(early)}`)).body.hits as Hit[];
    await own.close();
    expect(answer.body.total).toBe(before + 2);
    expect(answer.body.hits[0]).toMatchObject({ message: "appended late", timestamp: late });
    expect(oldest.map((hit) => hit.message)).toContain("appended early");
  });

  it("serves hits with the documented fields and id formats", async () => {
    const hit = (await logs("&limit=1")).body.hits[0] as Hit;
    expect(hit.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(hit.exec_id).toMatch(/^[0-9a-f]{32}$/);
    expect(hit.thread_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(hit).toMatchObject({ workspace_id: ACME, api_username: `task-${hit.flow_id}` });
    for (const field of ["user_id", "component_id", "container_id", "step_id", "method", "component_name"]) {
      expect(hit[field], field).toEqual(expect.any(String));
    }
  });

  it("filters by flow_ids[], levels[] and period, raw or percent-encoded", async () => {
    const flow = demoFlowId("wms-inventory");
    const errors = await logs(`&flow_ids[]=${flow}&levels[]=50&levels[]=60&limit=1000`);
    expect(errors.body.total).toBeGreaterThan(10);
    expect(errors.body.hits.every((hit: Hit) => hit.flow_id === flow && hit.level >= 50)).toBe(true);
    const encoded = await logs(`&flow_ids%5B%5D=${flow}&levels%5B%5D=50&levels%5B%5D=60&limit=1000`);
    expect(encoded.body).toEqual(errors.body);
    const from = new Date(TEST_NOW.getTime() - 6 * 3_600_000).toISOString();
    const to = new Date(TEST_NOW.getTime() - 3_600_000).toISOString();
    const window = await logs(`&from=${from}&to=${to}&limit=1000`);
    const shifted = new Date(TEST_NOW.getTime() - 6 * 3_600_000 + 3_600_000).toISOString().slice(0, 19);
    const plus = await logs(`&from=${shifted}+01:00&to=${to}&limit=1000`);
    expect(plus.body.total).toBe(window.body.total);
    expect(window.body.total).toBeGreaterThan(0);
    expect(window.body.hits.every((hit: Hit) => hit.timestamp >= from && hit.timestamp <= to)).toBe(true);
  });

  it("filters by container_id, and treats levels[]=1 (None) as every level", async () => {
    const exits = emulator.scenario.logs.filter(
      (entry) => entry.message === "Component run out of memory and terminated",
    );
    const container = exits[0]?.container_id ?? "";
    const inContainer = await logs(`&container_id=${container}&limit=1000`);
    expect(inContainer.body.total).toBeGreaterThan(0);
    expect(inContainer.body.hits.every((hit: Hit) => hit.container_id === container)).toBe(true);
    const warnings = await logs("&levels[]=40&limit=1000");
    expect(warnings.body.total).toBeGreaterThan(0);
    expect(warnings.body.hits.every((hit: Hit) => hit.level === 40)).toBe(true);
    const none = await logs("&levels[]=1&limit=1");
    expect(none.body.total).toBe((await logs("&limit=1")).body.total);
  });

  it("searches full text and marks matches with <em>", async () => {
    const found = await logs("&search=econnrefused&limit=1000");
    expect(found.body.total).toBeGreaterThan(0);
    for (const hit of found.body.hits as Hit[]) expect(hit.message).toContain("<em>ECONNREFUSED</em>");
    const none = await logs("&search=no-such-words-anywhere");
    expect(none.body).toEqual({ total: 0, hits: [] });
  });

  it("pages with offset and limit", async () => {
    const first = await logs("&offset=0&limit=10");
    const second = await logs("&offset=5&limit=10");
    expect(second.body.hits.slice(0, 5)).toEqual(first.body.hits.slice(5));
    const beyond = await logs("&offset=10000&limit=10");
    expect(beyond.body.hits).toEqual([]);
  });

  it("answers 400 for missing or malformed parameters", async () => {
    const missing = await call(emulator, "/v2/logs", { as: userByEmail(emulator, ALICE) });
    expect(missing.body.errors[0].source.parameter.id).toBe("workspace_id");
    for (const bad of ["&levels[]=35", "&from=yesterday", "&limit=0", "&limit=1001", "&offset=-1"]) {
      const answer = await logs(bad);
      expect(answer.status, bad).toBe(400);
      expect(answer.body.errors[0].title).toBe("Bad argument error");
    }
  });

  it("needs workspaces.logs.read_all (403 for a guest) and membership (404 for another tenant)", async () => {
    expect((await logs("", GINA)).status).toBe(403);
    expect((await logs("", BOB)).status).toBe(404);
  });
});

describe("GET /v2/logs over more than 10,000 entries", () => {
  let emulator: Emulator;
  const dana = { email: "dana@shop.example", apiKey: "dana-secret-key" };
  beforeAll(async () => {
    const example = (await import("../../examples/small-scenario.json", { with: { type: "json" } })).default;
    const flowId = "5f00000000000000000000f1";
    const logs = Array.from({ length: 10_050 }, (_, index) => ({
      flowId,
      stepId: "step_2",
      at: `-${index + 1}s`,
      level: index % 2 === 0 ? 30 : 50,
      message: `entry ${index}`,
    }));
    emulator = await createEmulator({ now: TEST_NOW, scenario: { ...example, logs } as never });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("caps total at 10,000 but still filters the whole history", async () => {
    const all = await call(emulator, "/v2/logs?workspace_id=5f00000000000000000000a1&limit=5", { as: dana });
    expect(all.body.total).toBe(10_000);
    expect(all.body.hits[0].message).toBe("entry 0");
    const errors = await call(emulator, "/v2/logs?workspace_id=5f00000000000000000000a1&levels[]=50", {
      as: dana,
    });
    // Every second entry, plus the summary line of the example's container exit.
    expect(errors.body.total).toBe(5_025 + 1);
  });
});
