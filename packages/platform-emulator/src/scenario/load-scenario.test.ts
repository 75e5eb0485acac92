import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDemoScenarioFile } from "../demo/demo-scenario.js";
import { createHealthScenarioFile } from "../demo/health-scenario.js";
import { createRootCauseScenarioFile } from "../demo/rootcause-scenario.js";
import { TEST_NOW } from "../testing/api.js";
import { loadScenario } from "./load-scenario.js";
import type { ScenarioFile } from "./scenario-file.js";
import { validateScenarioFile } from "./validate-scenario.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/small-scenario.json", import.meta.url));

describe("loadScenario", () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), "emulator-scenario-"));
  });
  afterAll(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("loads the committed example file and resolves relative times against now", async () => {
    const scenario = await loadScenario(EXAMPLE, { now: TEST_NOW });
    expect(scenario.name).toBe("small");
    expect(scenario.now).toBe(TEST_NOW.toISOString());
    const flow = scenario.flows.find((candidate) => candidate.name === "Orders to CRM");
    expect(flow?.lastStartTime).toBe(new Date(TEST_NOW.getTime() - 10 * 86_400_000).toISOString());
    expect(flow?.expected).toEqual([{ cause: "SYSTEM_DOWNTIME", stepId: "step_2" }]);
    expect(scenario.logs[0]?.timestamp).toBe(new Date(TEST_NOW.getTime() - 10 * 60_000).toISOString());
  });

  it("turns container exits into the platform's log lines, and new containers after an exit", async () => {
    const scenario = await loadScenario(EXAMPLE, { now: TEST_NOW });
    const messages = scenario.logs.map((entry) => entry.message);
    expect(messages).toContain("Component run out of memory and terminated");
    expect(messages).toContain("Container terminated: state Killed, exit code 137, reason OOMKilled");
    const stepTwo = scenario.logs.filter((entry) => entry.step_id === "step_2");
    const before = new Set(
      stepTwo.filter((entry) => entry.timestamp <= "2026-03-02T11:30:00.000Z").map((e) => e.container_id),
    );
    const after = stepTwo.find((entry) => entry.timestamp > "2026-03-02T11:30:00.000Z");
    expect(before.size).toBe(1);
    expect(before.has(after?.container_id ?? "")).toBe(false);
  });

  it("gives entries of one execution the same thread_id and fills component and user", async () => {
    const scenario = await loadScenario(EXAMPLE, { now: TEST_NOW });
    const logs = scenario.logs.filter(
      (entry) => entry.message.startsWith("Received") || entry.message.includes("ECONNREFUSED"),
    );
    const threads = new Set(logs.map((entry) => entry.thread_id));
    expect(threads.size).toBe(2);
    expect(logs[0]).toMatchObject({
      user_id: "5f0000000000000000000001",
      component_name: expect.any(String),
    });
  });

  it("loads a module exporting `scenario`", async () => {
    const path = join(folder, "module-scenario.mjs");
    const data = (await import(EXAMPLE, { with: { type: "json" } })).default as ScenarioFile;
    await writeFile(path, `export const scenario = ${JSON.stringify({ ...data, name: "from-module" })};\n`);
    expect((await loadScenario(path, { now: TEST_NOW })).name).toBe("from-module");
    const empty = join(folder, "empty.mjs");
    await writeFile(empty, "export const other = 1;\n");
    await expect(loadScenario(empty)).rejects.toMatchObject({
      code: "EMULATOR_INVALID_SCENARIO",
      message: /export a `scenario`/,
    });
  });

  it("loads a TypeScript module where TypeScript runs (vitest, tsx)", async () => {
    const path = join(folder, "typed-scenario.ts");
    const data = (await import(EXAMPLE, { with: { type: "json" } })).default as ScenarioFile;
    const body = JSON.stringify({ ...data, name: "typed" });
    await writeFile(
      path,
      `import type { ScenarioFile } from "${fileURLToPath(new URL("./scenario-file.ts", import.meta.url))}";\nexport const scenario: ScenarioFile = ${body};\n`,
    );
    expect((await loadScenario(path, { now: TEST_NOW })).name).toBe("typed");
  });

  it("reports a missing file and broken JSON with the path", async () => {
    await expect(loadScenario(join(folder, "nope.json"))).rejects.toMatchObject({
      code: "EMULATOR_SCENARIO_NOT_FOUND",
      message: /nope\.json/,
    });
    const broken = join(folder, "broken.json");
    await writeFile(broken, '{ "name": ');
    await expect(loadScenario(broken)).rejects.toMatchObject({
      code: "EMULATOR_INVALID_SCENARIO",
      message: /not valid JSON/,
    });
  });

  it("the demo scenario is a valid scenario file", () => {
    const file = createDemoScenarioFile(TEST_NOW.getTime());
    expect(() => validateScenarioFile(JSON.parse(JSON.stringify(file)), "demo")).not.toThrow();
  });

  it("the rootcauses and health scenarios are valid scenario files, version graphs included", () => {
    for (const create of [createRootCauseScenarioFile, createHealthScenarioFile]) {
      const file = create(TEST_NOW.getTime());
      expect(() => validateScenarioFile(JSON.parse(JSON.stringify(file)), file.name)).not.toThrow();
    }
  });

  it("rejects a version graph that names an unknown step or component", () => {
    const file = JSON.parse(JSON.stringify(createRootCauseScenarioFile(TEST_NOW.getTime()))) as {
      flows: { versions: { graph?: { nodes: Record<string, unknown>[] } }[] }[];
    };
    const withGraph = file.flows.find((flow) => flow.versions.some((version) => version.graph));
    const node = withGraph?.versions.find((version) => version.graph)?.graph?.nodes[1];
    if (node) node.component_id = "0".repeat(24);
    expect(() => validateScenarioFile(file, "bad-version")).toThrow(
      /versions\[\d\]\.graph\.nodes\[1\]\.component_id/,
    );
  });
});

describe("validateScenarioFile", () => {
  const base = (): Record<string, unknown> => ({
    name: "bad",
    users: [
      { id: "5f0000000000000000000001", email: "a@b.example", apiKey: "k", firstName: "A", lastName: "B" },
    ],
    contracts: [
      {
        id: "5f00000000000000000000c1",
        name: "C",
        members: [{ userId: "5f0000000000000000000001", roles: ["owner"] }],
      },
    ],
    workspaces: [
      { id: "5f00000000000000000000a1", name: "W", contractId: "5f00000000000000000000c1", members: [] },
    ],
  });

  it("accepts a minimal scenario", () => {
    expect(validateScenarioFile(base(), "minimal").name).toBe("bad");
  });

  it("names every problem with its path and rule", () => {
    const data = {
      ...base(),
      users: [{ id: "xyz", email: "nope", apiKey: "", firstName: "A", lastName: "B" }],
      workspaces: [
        {
          id: "5f00000000000000000000a1",
          name: "W",
          contractId: "5f00000000000000000000ff",
          members: [],
          type: "prod",
        },
      ],
      flows: [
        {
          id: "5f00000000000000000000f1",
          name: "F",
          workspaceId: "5f00000000000000000000a1",
          userId: "5f0000000000000000000001",
          status: "running",
          createdAt: "last tuesday",
          graph: {
            nodes: [{ id: "step_1", command: "x/y:z", component_id: "5f00000000000000000000b9" }],
            edges: [],
          },
          expected: [{ cause: "GREMLINS" }],
        },
      ],
      logs: [{ flowId: "5f00000000000000000000f1", stepId: "step_9", at: "-1h", level: 35, message: "x" }],
    };
    let message = "";
    try {
      validateScenarioFile(data, "bad.json");
    } catch (error) {
      expect(error).toMatchObject({ code: "EMULATOR_INVALID_SCENARIO" });
      message = (error as Error).message;
    }
    for (const expected of [
      "bad.json:",
      'users[0].id: must be a 24-hex ObjectId (got "xyz")',
      'users[0].email: must be an e-mail address (got "nope")',
      "users[0].apiKey: must be a non-empty string",
      "workspaces[0].contractId: must be the id of a contract in the scenario",
      'workspaces[0].type: must be one of "full", "limited"',
      "flows[0].status: must be one of",
      "flows[0].createdAt: must be an ISO-8601 date-time",
      "flows[0].graph.nodes[0].component_id: must be the id of a component in the scenario",
      "flows[0].expected[0].cause: must be one of",
      "logs[0].stepId: must be the id of a step of that flow",
      "logs[0].level: must be one of 10, 20, 30, 40, 50, 60",
    ]) {
      expect(message).toContain(expected);
    }
  });

  it("checks the file against scenario.schema.json too, without repeating what the loader says better", () => {
    const data = { ...base(), description: 42, users: [{ ...(base().users as object[])[0], id: "xyz" }] };
    let message = "";
    try {
      validateScenarioFile(data, "schema.json");
    } catch (error) {
      expect(error).toMatchObject({ code: "EMULATOR_INVALID_SCENARIO" });
      message = (error as Error).message;
    }
    expect(message).toContain("description: must be string (scenario.schema.json)");
    expect(message).toContain('users[0].id: must be a 24-hex ObjectId (got "xyz")');
    expect(message).not.toContain("users[0].id: must match pattern");
  });

  it("rejects duplicate ids and e-mails, and missing lists", () => {
    const data = base();
    data.users = [...(data.users as object[]), { ...(data.users as object[])[0] }];
    expect(() => validateScenarioFile(data, "dup")).toThrow(
      /users\[1\]\.id: must be unique; users\[0\] has the same/,
    );
    expect(() => validateScenarioFile({ name: "x" }, "empty")).toThrow(
      /users: is required and must be an array/,
    );
    expect(() => validateScenarioFile([], "array")).toThrow(/must be a JSON object/);
  });
});
