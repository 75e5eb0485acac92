import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadScenario } from "../scenario/load-scenario.js";
import type { ScenarioFile } from "../scenario/scenario-file.js";
import { TEST_NOW } from "../testing/api.js";
import { createEmulatorState } from "./emulator-state.js";

const EXAMPLE = fileURLToPath(new URL("../../examples/small-scenario.json", import.meta.url));

const withFlow = async (patch: Record<string, unknown>, contractStatus = "active"): Promise<ScenarioFile> => {
  const data = (await import(EXAMPLE, { with: { type: "json" } })).default as ScenarioFile;
  const [first, ...rest] = data.flows ?? [];
  return {
    ...data,
    contracts: data.contracts.map((contract, index) =>
      index === 0 ? { ...contract, status: contractStatus } : contract,
    ) as ScenarioFile["contracts"],
    flows: [{ ...first, ...patch } as NonNullable<ScenarioFile["flows"]>[number], ...rest],
  };
};

const stateOf = async (file: ScenarioFile) => {
  const scenario = await loadScenario(file, { now: TEST_NOW });
  const state = createEmulatorState(scenario, 1);
  return state.flowStates.get(scenario.flows[0]?.id ?? "");
};

describe("createEmulatorState", () => {
  it("keeps a scenario flow's state when no safeguard applies", async () => {
    expect(await stateOf(await withFlow({}))).toMatchObject({ status: "active", currentStatus: "active" });
  });

  it("stops the flows of a suspended contract", async () => {
    expect(await stateOf(await withFlow({}, "suspended"))).toMatchObject({
      status: "inactive",
      currentStatus: "inactive",
    });
  });

  it("stops a limited workspace's active flow 8 h after its last start, not before", async () => {
    const limited = "5f00000000000000000000a2";
    const user = "5f0000000000000000000002";
    const expired = await withFlow({ workspaceId: limited, userId: user, lastStartTime: "-8h1m" });
    expect(await stateOf(expired)).toMatchObject({ status: "inactive", currentStatus: "inactive" });
    const running = await withFlow({ workspaceId: limited, userId: user, lastStartTime: "-7h59m" });
    expect(await stateOf(running)).toMatchObject({ status: "active" });
  });
});
