import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../testing/harness.js";
import { COMPONENT_ID, GOOD_CREDENTIAL_ID, WORKSPACE_ID } from "../testing/test-scenario.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness.close());

describe("credentials", () => {
  it("reads credentials without their keys", async () => {
    const { platform } = harness.client();
    const credential = await platform.getCredential(GOOD_CREDENTIAL_ID);
    expect(credential).toMatchObject({
      id: GOOD_CREDENTIAL_ID,
      componentId: COMPONENT_ID,
      workspaceId: WORKSPACE_ID,
    });
    const listed = await platform.listCredentials({ workspaceId: WORKSPACE_ID, componentId: COMPONENT_ID });
    expect(listed).toHaveLength(2);
    expect(JSON.stringify(listed)).not.toContain("good-erp-key");
  });
});
