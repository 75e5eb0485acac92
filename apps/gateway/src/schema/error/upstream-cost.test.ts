import { createEmulator, type Emulator } from "@flowdoctor/platform-emulator";
import { afterAll, describe, expect, it } from "vitest";
import { basic } from "../../testing/emulator-gateway.js";
import {
  createErrorScenario,
  ERROR_SCENARIO_USER,
  ERROR_SCENARIO_WORKSPACE,
} from "../../testing/error-scenario.js";
import { dataOf, startTestGateway, type TestGateway } from "../../testing/test-gateway.js";

const PAGE = `query Inbox($ws: ID!) {
  errors(workspaceId: $ws, first: 20) { totalCount nodes { message classification { cause } flow { name } step { name } } }
}`;
const GROUPS = `query Groups($ws: ID!) {
  errorGroups(workspaceId: $ws, first: 20) { totalCount scan { scanned } nodes { count classification { cause } flow { name } } }
}`;

describe("platform calls per page as the inbox grows", () => {
  const running: { emulator: Emulator; gateway: TestGateway }[] = [];
  afterAll(async () => {
    for (const { emulator, gateway } of running) {
      await gateway.close();
      await emulator.close();
    }
  });

  const callsFor = async (errorCount: number) => {
    const emulator = await createEmulator({ scenario: createErrorScenario(errorCount) });
    const gateway = await startTestGateway({ PLATFORM_API_URL: emulator.url });
    running.push({ emulator, gateway });
    const headers = { authorization: basic(ERROR_SCENARIO_USER.email, ERROR_SCENARIO_USER.apiKey) };
    const variables = { ws: ERROR_SCENARIO_WORKSPACE };
    await gateway.query("{ me { id } }", { headers });
    emulator.resetRequests();
    const page = await gateway.query(PAGE, { headers, variables });
    const pageCalls = emulator.requests.length;
    emulator.resetRequests();
    const groups = await gateway.query(GROUPS, { headers, variables });
    const groupCalls = emulator.requests.length;
    return {
      pageCalls,
      groupCalls,
      total: dataOf<{ totalCount: number }>(page.body, "errors").totalCount,
      grouped: dataOf<{ scan: { scanned: number } }>(groups.body, "errorGroups").scan.scanned,
    };
  };

  it("stays at ≤ 4 calls for a page of errors and for the error groups, from 10 to 1,000 errors", async () => {
    const ten = await callsFor(10);
    const thousand = await callsFor(1000);
    expect([ten.total, thousand.total]).toEqual([10, 1000]);
    expect([ten.grouped, thousand.grouped]).toEqual([10, 1000]);
    expect(thousand.pageCalls).toBe(ten.pageCalls);
    expect(thousand.groupCalls).toBe(ten.groupCalls);
    expect(thousand.pageCalls).toBeLessThanOrEqual(4);
    expect(thousand.groupCalls).toBeLessThanOrEqual(4);
  });
});
