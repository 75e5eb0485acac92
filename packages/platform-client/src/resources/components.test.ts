import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPlatformError } from "../errors.js";
import { type Harness, rejectionOf, startHarness } from "../testing/harness.js";
import {
  COMPONENT_ID,
  COMPONENT_VERSION_IDS,
  CONTRACT_ID,
  DEVELOPER,
  WORKSPACE_ID,
} from "../testing/test-scenario.js";

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

  it("reads a component as a workspace sees it, and a version's descriptor", async () => {
    const { platform } = harness.client();
    expect((await platform.getWorkspaceComponent(WORKSPACE_ID, COMPONENT_ID)).id).toBe(COMPONENT_ID);
    const descriptor = await platform.getComponentDescriptor(COMPONENT_ID);
    expect(descriptor).toMatchObject({
      repoName: "erp-component",
      teamName: "acme",
      isLatest: true,
      language: "nodejs",
      sailorVersion: "2.7.8",
      actions: { upsertOrder: { title: "Upsert order" } },
      triggers: { timer: { title: "Timer" } },
      credentialFields: { apiKey: { label: "API key", required: true, viewClass: "PasswordFieldView" } },
    });
    const first = await platform.getComponentDescriptor(COMPONENT_ID, COMPONENT_VERSION_IDS[0]);
    expect(first.isLatest).toBe(false);
  });

  it("lists the tenant's components for a tenant admin and refuses others", async () => {
    const { platform } = harness.client();
    expect((await platform.listAllComponents()).map((component) => component.id)).toEqual([COMPONENT_ID]);
    const { platform: developer } = harness.client({ login: DEVELOPER });
    const error = await rejectionOf(developer.listAllComponents());
    expect(isPlatformError(error) && error.code).toBe("PLATFORM_FORBIDDEN");
  });
});
