import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../scenario/load-scenario.js";
import { TEST_NOW } from "../testing/api.js";

const HEADER = "| Flow | Workspace | Built to show (step) |";

/** The rows of the README's demo table, as [flow, workspace, causes]. */
const readmeRows = async (): Promise<string[][]> => {
  const text = await readFile(new URL("../../README.md", import.meta.url), "utf8");
  const lines = text.split("\n");
  const start = lines.indexOf(HEADER);
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    rows.push(
      line
        .split("|")
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
};

describe("the README's table of demo flows", () => {
  it("matches what the demo scenario declares for each flow", async () => {
    const demo = await loadScenario("demo", { now: TEST_NOW });
    const workspaces = new Map(demo.workspaces.map((workspace) => [workspace.id, workspace.name]));
    const expected = demo.flows.map((flow) => [
      flow.name,
      workspaces.get(flow.workspaceId) ?? "",
      flow.expected.length === 0
        ? "healthy"
        : flow.expected
            .map((e) => `\`${e.cause}\`${e.stepId === undefined ? "" : ` (${e.stepId})`}`)
            .join(", "),
    ]);
    expect(await readmeRows()).toEqual(expected);
  });
});
