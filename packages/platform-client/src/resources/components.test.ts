import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../testing/harness.js";
import { COMPONENT_ID, CONTRACT_ID, WORKSPACE_ID } from "../testing/test-scenario.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness.close());

describe("components", () => {
  it("reads a component with its latest version and runtime facts", async () => {
    const { platform } = harness.client();
    const component = await platform.getComponent(COMPONENT_ID);
    expect(component).toMatchObject({
      id: COMPONENT_ID,
      name: "erp-component",
      teamName: "acme",
      access: "team",
    });
    expect(component.latestVersion).toMatchObject({
      versionNumber: 2,
      componentId: COMPONENT_ID,
      sailorVersion: "2.7.8",
    });
    expect((await platform.listComponents({ contractId: CONTRACT_ID })).map((c) => c.id)).toContain(
      COMPONENT_ID,
    );
    expect((await platform.listWorkspaceComponents(WORKSPACE_ID)).map((c) => c.id)).toContain(COMPONENT_ID);
    const versions = await platform.listComponentVersions(COMPONENT_ID);
    expect(versions.map((version) => version.versionNumber)).toEqual([1, 2]);
  });
});
