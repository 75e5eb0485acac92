import { createEmulator, type Emulator, type ScenarioFile } from "@flowdoctor/platform-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basic } from "../../testing/emulator-gateway.js";
import {
  createErrorScenario,
  ERROR_SCENARIO_USER,
  ERROR_SCENARIO_WORKSPACE,
} from "../../testing/error-scenario.js";
import { dataOf, startTestGateway, type TestGateway } from "../../testing/test-gateway.js";

const GROUPS_WITH_COMPONENTS = `query Groups($ws: ID!) {
  errorGroups(workspaceId: $ws, first: 50) { nodes { flow { name } step { name component { name latestVersion { language } } } } }
}`;

interface GroupNode {
  readonly step: { component: { name: string } | null } | null;
}

const OTHER = { id: "aaaa00000000000000000002", email: "other@example.com", apiKey: "other-key-0000" };

/** The error scenario with a second member of the workspace, who must not be served the first one's cache. */
const scenarioWithTwoCallers = (): ScenarioFile => {
  const scenario = createErrorScenario(40, { components: 10 });
  const member = { userId: OTHER.id, roles: ["integrator"] };
  return {
    ...scenario,
    users: [...scenario.users, { ...OTHER, firstName: "Other", lastName: "Caller" }],
    contracts: scenario.contracts.map((item) => ({ ...item, members: [...item.members, member] })),
    workspaces: scenario.workspaces.map((item) => ({
      ...item,
      members: [...item.members, { ...member, permissions: ["workspaces.logs.read_all"] }],
    })),
  };
};

describe("platform calls for a page of error groups over ten components", () => {
  let emulator: Emulator;
  let gateway: TestGateway;
  const headers = { authorization: basic(ERROR_SCENARIO_USER.email, ERROR_SCENARIO_USER.apiKey) };
  const otherHeaders = { authorization: basic(OTHER.email, OTHER.apiKey) };

  beforeAll(async () => {
    emulator = await createEmulator({ scenario: scenarioWithTwoCallers() });
    gateway = await startTestGateway({ PLATFORM_API_URL: emulator.url });
    await gateway.query("{ me { id } }", { headers });
    await gateway.query("{ me { id } }", { headers: otherHeaders });
  });
  afterAll(async () => {
    await gateway.close();
    await emulator.close();
  });

  const pageCost = async (as = headers) => {
    emulator.resetRequests();
    const variables = { ws: ERROR_SCENARIO_WORKSPACE };
    const { body } = await gateway.query(GROUPS_WITH_COMPONENTS, { headers: as, variables });
    const nodes = dataOf<{ nodes: GroupNode[] }>(body, "errorGroups").nodes;
    const components = new Set(nodes.map((node) => node.step?.component?.name));
    return { calls: emulator.requests.length, components };
  };

  it("costs at most 5 calls the first time and no component call the second", async () => {
    const first = await pageCost();
    expect(first.components.size).toBe(10);
    expect(first.calls).toBeLessThanOrEqual(5);
    const second = await pageCost();
    expect(second.components).toEqual(first.components);
    expect(second.calls).toBe(first.calls - 1);
  });

  it("does not serve one caller's cached components to another", async () => {
    const other = await pageCost(otherHeaders);
    const listings = emulator.requests.filter((request) => request.path.endsWith("/components"));
    expect(other.components.size).toBe(10);
    expect(listings).toHaveLength(1);
  });
});
