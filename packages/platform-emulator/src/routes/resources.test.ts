import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoComponentId } from "../demo/demo-components.js";
import { demoContractId, demoSampleId, demoWorkspaceId } from "../demo/demo-directory.js";
import { demoFlowId } from "../demo/demo-scenario.js";
import { createEmulator, type Emulator } from "../server/create-emulator.js";
import { ALICE, BOB, CARL, call, TESS, TEST_NOW, userByEmail } from "../testing/api.js";

const ACME = demoWorkspaceId("acme-prod");
type Resource = { id: string; type: string; attributes: Record<string, unknown> };

describe("components, credentials, data samples and stats", () => {
  let emulator: Emulator;
  const get = (path: string, email = ALICE) => call(emulator, path, { as: userByEmail(emulator, email) });
  beforeAll(async () => {
    emulator = await createEmulator({ now: TEST_NOW });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("lists components of a contract with latest versions and descriptors included, meta {}", async () => {
    expect((await get("/v2/components")).status).toBe(400);
    const all = await get(`/v2/components?contract_id=${demoContractId("acme")}`);
    expect(all.body.meta).toEqual({});
    expect(all.body.included.filter((item: Resource) => item.type === "descriptor")).toHaveLength(
      all.body.data.length,
    );
    const own = await get(`/v2/components?contract_id=${demoContractId("acme")}&filter[access]=private`);
    expect(own.body.data.map((c: Resource) => c.attributes.name).sort()).toEqual([
      "acme-zendesk-connector",
      "partner-edi-bridge",
    ]);
    const globex = await get(`/v2/components?contract_id=${demoContractId("globex")}`, BOB);
    expect(globex.body.data.length).toBe(all.body.data.length - 2);
    expect((await get(`/v2/components/${demoComponentId("zendesk")}`, BOB)).status).toBe(404);
    expect(
      (await get(`/v2/components?contract_id=${demoContractId("acme")}&filter[access]=mine`)).status,
    ).toBe(400);
  });

  it("serves a component, its versions and a descriptor with the sailor version", async () => {
    const id = demoComponentId("postgresql");
    const one = await get(`/v2/components/${id}`);
    expect(one.body.data).toMatchObject({
      id,
      type: "component",
      attributes: { name: "postgresql-component" },
    });
    const versions = await get(`/v2/components/${id}/versions`);
    expect(versions.body.data.map((v: Resource) => v.attributes.version_number)).toEqual([1, 2, 3]);
    expect(typeof versions.body.data[0].attributes.date).toBe("number");
    const descriptor = await get(`/v2/components/${id}/versions/latest/descriptor`);
    expect(descriptor.body.data.attributes).toMatchObject({
      sailor_version: "2.6.29",
      is_latest: true,
      language: "nodejs",
    });
    const byWorkspace = await get(`/v2/workspace/${ACME}/components/${id}`);
    expect(byWorkspace.body.data.id).toBe(id);
    const listed = await get(`/v2/workspace/${ACME}/components`);
    expect(listed.body.data.length).toBeGreaterThan(5);
  });

  it("lists credentials of a workspace, filtered by component, and hides other tenants'", async () => {
    expect((await get("/v2/credentials/")).status).toBe(400);
    const all = await get(`/v2/credentials/?workspace_id=${ACME}`);
    expect(all.body.meta).toEqual({});
    expect(all.body.data.length).toBe(5);
    const hubspot = await get(
      `/v2/credentials?workspace_id=${ACME}&filter[component]=${demoComponentId("hubspot")}`,
    );
    expect(hubspot.body.data).toHaveLength(1);
    const id = hubspot.body.data[0].id as string;
    expect((await get(`/v2/credentials/${id}/`)).body.data.relationships.component.data.id).toBe(
      demoComponentId("hubspot"),
    );
    expect((await get(`/v2/credentials/${id}`, BOB)).status).toBe(404);
  });

  it("serves data samples by id and by filter[id]", async () => {
    const id = demoSampleId("shopify-order");
    const one = await get(`/v2/data-samples/${id}`, CARL);
    expect(one.body.data).toMatchObject({ type: "data-sample", attributes: { method: "receive" } });
    const both = await get(`/v2/data-samples?filter[id]=${id},${demoSampleId("customer-row")}`);
    expect(both.body.data).toHaveLength(2);
    expect((await get(`/v2/data-samples/${id}`, BOB)).status).toBe(404);
    expect((await get("/v2/data-samples")).status).toBe(400);
  });

  it("serves queue stats per step", async () => {
    const answer = await get(`/v2/stats/queues/${demoFlowId("marketing-leads")}`);
    expect(answer.body).toEqual({
      data: {
        id: demoFlowId("marketing-leads"),
        type: "flow-queue-stats",
        attributes: {
          stats: [
            { step_id: "step_1", total: 0, ready: 0, unacked: 0, rebounds: 0 },
            { step_id: "step_2", total: 71_820, ready: 71_640, unacked: 180, rebounds: 0 },
          ],
        },
      },
    });
    expect((await get(`/v2/stats/queues/${demoFlowId("marketing-leads")}`, BOB)).status).toBe(404);
  });

  it("serves workspace stats to contract owners who name their contract", async () => {
    expect((await get("/v2/stats/workspaces")).status).toBe(400);
    const stats = await get(`/v2/stats/workspaces?contract_id=${demoContractId("acme")}`);
    expect(stats.body.data.map((w: Resource) => w.attributes.name).sort()).toEqual([
      "Acme Production",
      "Acme Sandbox",
    ]);
    const sandbox = stats.body.data.find((w: Resource) => w.attributes.name === "Acme Sandbox");
    expect(sandbox).toMatchObject({ type: "workspace-stats", attributes: { type: "limited" } });
    expect(sandbox.attributes.flows[0].components[0]).toMatchObject({
      component_id: expect.any(String),
      version: "latest",
    });
    expect((await get(`/v2/stats/workspaces?contract_id=${demoContractId("acme")}`, CARL)).status).toBe(403);
    expect((await get(`/v2/stats/workspaces?contract_id=${demoContractId("acme")}`, BOB)).status).toBe(404);
  });

  it("lets a tenant admin list users, all components and every workspace's stats", async () => {
    const users = await get("/v2/users?page[size]=2", TESS);
    expect(users.body.meta).toEqual({ page: 1, per_page: 2, total: 5, total_pages: 3 });
    const one = await get(`/v2/users?email=${encodeURIComponent(BOB)}`, TESS);
    expect(one.body.data.map((u: Resource) => u.attributes.email)).toEqual([BOB]);
    expect((await get("/v2/users")).status).toBe(403);
    const all = await get("/v2/components/all", TESS);
    expect(all.body.data.length).toBeGreaterThan(10);
    expect((await get("/v2/components/all")).status).toBe(403);
    const stats = await get("/v2/stats/workspaces", TESS);
    expect(stats.body.data).toHaveLength(4);
    expect((await get(`/v2/stats/workspaces?contract_id=${demoContractId("acme")}`, TESS)).status).toBe(400);
    expect((await get("/v2/contracts", TESS)).body.data).toEqual([]);
  });
});
