import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { collect, type Harness, startHarness } from "../testing/harness.js";
import {
  ADMIN,
  CONTRACT_ID,
  DEVELOPER,
  LIMITED_WORKSPACE_ID,
  WORKSPACE_ID,
} from "../testing/test-scenario.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness.close());

describe("users, contracts and workspaces", () => {
  it("answers who the client is logged in as", async () => {
    const { platform } = harness.client({ login: DEVELOPER });
    expect(await platform.me()).toMatchObject({ id: DEVELOPER.id, email: DEVELOPER.email, firstName: "Dev" });
  });

  it("resolves a user by id and lists the tenant's users", async () => {
    const { platform } = harness.client();
    expect((await platform.getUser(DEVELOPER.id)).lastName).toBe("Eloper");
    const page = await platform.listUsers({ pageSize: 2 });
    expect(page.items).toHaveLength(2);
    expect(page).toMatchObject({ pageNumber: 1, total: 3, hasMore: true });
    expect((await collect(platform.iterateUsers())).map((user) => user.email).sort()).toEqual([
      ADMIN.email,
      DEVELOPER.email,
      "guest@acme.test",
    ]);
  });

  it("reads contracts and workspaces with their type and contract", async () => {
    const { platform } = harness.client();
    expect(await platform.getContract(CONTRACT_ID)).toMatchObject({
      id: CONTRACT_ID,
      name: "Acme",
      status: "active",
    });
    expect((await collect(platform.iterateContracts())).map((contract) => contract.id)).toEqual([
      CONTRACT_ID,
    ]);
    expect(await platform.getWorkspace(LIMITED_WORKSPACE_ID)).toMatchObject({
      id: LIMITED_WORKSPACE_ID,
      name: "Sandbox",
      type: "limited",
      contractId: CONTRACT_ID,
    });
    const workspaces = await platform.listWorkspaces({ contractId: CONTRACT_ID });
    expect(workspaces.items.map((workspace) => workspace.id).sort()).toEqual([
      WORKSPACE_ID,
      LIMITED_WORKSPACE_ID,
    ]);
  });

  it("lists contract and workspace members with their roles", async () => {
    const { platform } = harness.client();
    const contractMembers = await platform.listContractMembers(CONTRACT_ID);
    expect(contractMembers.find((member) => member.userId === DEVELOPER.id)).toEqual({
      userId: DEVELOPER.id,
      firstName: "Dev",
      lastName: "Eloper",
      email: DEVELOPER.email,
      roles: ["admin"],
    });
    const workspaceMembers = await platform.listWorkspaceMembers(WORKSPACE_ID);
    expect(workspaceMembers.map((member) => member.roles[0]).sort()).toEqual([
      "guest",
      "integrator",
      "owner",
    ]);
  });
});
