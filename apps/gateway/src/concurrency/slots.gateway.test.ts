import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "../testing/emulator-gateway.js";

const gauge = (metrics: string, name: string, state: "running" | "waiting"): number =>
  Number(new RegExp(`^${name}\\{state="${state}"\\} (\\d+)$`, "m").exec(metrics)?.[1] ?? Number.NaN);

interface SlotState {
  readonly operations: readonly [number, number];
  readonly scans: readonly [number, number];
}

describe("MAX_CONCURRENT_OPERATIONS and MAX_CONCURRENT_SCANS", () => {
  let env: EmulatorGateway;
  let workspaceId: string;
  beforeAll(async () => {
    env = await startEmulatorGateway({ MAX_CONCURRENT_OPERATIONS: "2", MAX_CONCURRENT_SCANS: "1" });
    const alice = env.emulator.scenario.users.find((user) => user.email.startsWith("alice@"));
    workspaceId = env.emulator.scenario.flows.find((flow) => flow.userId === alice?.id)
      ?.workspaceId as string;
  });
  afterAll(async () => {
    await env.close();
  });

  const slotState = async (): Promise<SlotState> => {
    const metrics = await (await fetch(`${env.gateway.url}/metrics`)).text();
    const pair = (name: string) =>
      [gauge(metrics, name, "running"), gauge(metrics, name, "waiting")] as const;
    return { operations: pair("flowdoctor_graphql_operations"), scans: pair("flowdoctor_log_scans") };
  };

  it("executes two operations and one scan at a time, queues the rest, and answers every request", async () => {
    const query = `query G($ws: ID!, $from: DateTimeISO) {
      errorGroups(workspaceId: $ws, filter: { from: $from }, first: 3) { totalCount } }`;
    // Distinct windows, so the three cannot share one scan; a slow platform keeps them overlapping.
    env.emulator.setFaults([{ latencyMs: 250 }]);
    const answers = Promise.all(
      ["2020-01-01T00:00:00Z", "2020-01-02T00:00:00Z", "2020-01-03T00:00:00Z"].map((from) =>
        env.gateway.query(query, { variables: { ws: workspaceId, from }, headers: env.as("alice") }),
      ),
    ).finally(() => env.emulator.setFaults([]));
    const seen: SlotState[] = [];
    const full: SlotState = { operations: [2, 1], scans: [1, 1] };
    const isFull = (state: SlotState) => JSON.stringify(state) === JSON.stringify(full);
    for (let poll = 0; poll < 300 && !seen.some(isFull); poll += 1) {
      seen.push(await slotState());
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(seen).toContainEqual(full);
    expect(Math.max(...seen.map((state) => state.operations[0]))).toBe(2);
    expect(Math.max(...seen.map((state) => state.scans[0]))).toBe(1);
    for (const answer of await answers) {
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data?.errorGroups).toMatchObject({ totalCount: expect.any(Number) });
    }
    expect(await slotState()).toEqual({ operations: [0, 0], scans: [0, 0] });
  });
});
