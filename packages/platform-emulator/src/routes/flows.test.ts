import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoWorkspaceId } from "../demo/demo-directory.js";
import { demoFlowId } from "../demo/demo-scenario.js";
import { rootCauseFlowId } from "../demo/rootcause-scenario.js";
import { createEmulator, type Emulator } from "../server/create-emulator.js";
import { ALICE, BOB, CARL, call, GINA, TEST_NOW, userByEmail } from "../testing/api.js";

const ACME = demoWorkspaceId("acme-prod");
type Listed = { id: string; attributes: Record<string, unknown> };

describe("flows", () => {
  let emulator: Emulator;
  const as = (email: string) => ({ as: userByEmail(emulator, email) });
  const list = async (query: string, email = ALICE) =>
    call(emulator, `/v2/flows?workspace_id=${ACME}${query}`, as(email));
  const names = (body: { data: Listed[] }) => body.data.map((flow) => flow.attributes.name as string);
  beforeAll(async () => {
    emulator = await createEmulator({ now: TEST_NOW });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("requires workspace_id and hides other tenants' workspaces", async () => {
    const missing = await call(emulator, "/v2/flows", as(ALICE));
    expect(missing.status).toBe(400);
    expect(missing.body.errors[0]).toMatchObject({
      status: 400,
      source: { parameter: { id: "workspace_id" } },
    });
    expect((await list("", BOB)).status).toBe(404);
  });

  it("lists a workspace's flows sorted by id with paging meta and the default page size of 50", async () => {
    const all = await list("");
    const expected = emulator.scenario.flows.filter((flow) => flow.workspaceId === ACME);
    expect(all.body.meta).toEqual({ page: 1, per_page: 50, total: expected.length, total_pages: 1 });
    const ids = all.body.data.map((flow: Listed) => flow.id);
    expect(ids).toEqual([...ids].sort());
    expect(all.body.data[0]).toMatchObject({ type: "flow", links: { self: `/v2/flows/${ids[0]}` } });
    expect(all.body.data[0].relationships.versions.links.related).toBe(`/v2/flows/${ids[0]}/versions`);
  });

  it("pages to the last page and beyond the end", async () => {
    const total = (await list("")).body.meta.total as number;
    const last = await list(`&page[size]=5&page[number]=${Math.ceil(total / 5)}`);
    expect(last.body.data).toHaveLength(total % 5 || 5);
    const beyond = await list("&page%5Bsize%5D=5&page%5Bnumber%5D=99");
    expect(beyond.status).toBe(200);
    expect(beyond.body.data).toEqual([]);
    expect(beyond.body.meta).toMatchObject({ page: 99, per_page: 5, total });
    expect((await list("&page[size]=0")).status).toBe(400);
    expect((await list("&page[number]=abc")).status).toBe(400);
  });

  it("filters by status, type, author and draft", async () => {
    const suspended = await list("&filter[status]=suspended");
    expect(names(suspended.body)).toEqual(["Legacy FTP price import"]);
    const inactive = await list("&filter[status]=inactive");
    expect(names(inactive.body)).toEqual(["New customer welcome e-mail"]);
    const realtime = await list("&filter[type]=long_running");
    expect(names(realtime.body).sort()).toEqual(["Marketing leads webhook", "Payments to ledger"]);
    const carl = await list(`&filter[user]=${userByEmail(emulator, CARL).id}`);
    expect(
      carl.body.data.every(
        (flow: { relationships: { user: { data: { id: string } } } }) =>
          flow.relationships.user.data.id === userByEmail(emulator, CARL).id,
      ),
    ).toBe(true);
    expect(carl.body.data.length).toBeGreaterThan(2);
    const drafts = await list("&filter[has_draft]=true");
    const noDrafts = await list("&filter[has_draft]=false");
    expect(drafts.body.meta.total + noDrafts.body.meta.total).toBe((await list("")).body.meta.total);
    expect((await list("&filter[status]=running")).status).toBe(400);
  });

  it("searches name or description case-insensitively, trimmed", async () => {
    const byName = await list("&search=%20%20SHOPIFY%20");
    expect(names(byName.body)).toEqual(["Shopify orders to Salesforce"]);
    const byDescription = await list("&search=stock%20levels");
    expect(names(byDescription.body)).toEqual(["Inventory feed from WMS"]);
  });

  it("sorts by name, created_at and updated_at, descending with -", async () => {
    const byName = names((await list("&sort=name")).body);
    expect(byName).toEqual([...byName].sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())));
    const newest = (await list("&sort=-created_at")).body.data.map(
      (flow: Listed) => flow.attributes.created_at as string,
    );
    expect(newest).toEqual([...newest].sort().reverse());
    const bad = await list("&sort=color");
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].detail).toContain("sort");
  });

  it("gets one flow with its graph, and 404s another tenant's flow", async () => {
    const id = demoFlowId("shopify-orders");
    const flow = await call(emulator, `/v2/flows/${id}/`, as(ALICE));
    expect(flow.status).toBe(200);
    expect(flow.body.data.attributes.graph.nodes[1].component_id).toMatch(/^[0-9a-f]{24}$/);
    expect(flow.body.data.attributes).not.toHaveProperty("expected");
    expect(JSON.stringify(flow.body)).not.toContain("MAPPING");
    expect((await call(emulator, `/v2/flows/${id}`, as(BOB))).status).toBe(404);
  });

  it("lists and gets flow versions chronologically", async () => {
    const id = demoFlowId("shopify-orders");
    const versions = await call(emulator, `/v2/flows/${id}/versions`, as(ALICE));
    const created = versions.body.data.map((version: Listed) => version.attributes.created_at as string);
    expect(created).toEqual([...created].sort());
    expect(versions.body.meta).toMatchObject({ page: 1, per_page: 50, total: 3 });
    const latest = versions.body.data[2].id as string;
    const flow = await call(emulator, `/v2/flows/${id}`, as(ALICE));
    expect(flow.body.data.relationships.latest_version.data.id).toBe(latest);
    const one = await call(emulator, `/v2/flows/${id}/versions/${latest}`, as(ALICE));
    expect(one.body.data).toMatchObject({ id: latest, type: "flow-version" });
    expect((await call(emulator, `/v2/flows/${id}/versions/${"0".repeat(40)}`, as(ALICE))).status).toBe(404);
  });

  it("serves each version's own graph when the scenario gives one", async () => {
    const versioned = await createEmulator({ now: TEST_NOW, scenario: "rootcauses" });
    try {
      const id = rootCauseFlowId("rc-mapper-vat");
      const listed = await call(versioned, `/v2/flows/${id}/versions`, { as: userByEmail(versioned, ALICE) });
      const mappers = listed.body.data.map(
        (version: { attributes: { graph: { edges: { target: string; config: { mapper: object } }[] } } }) =>
          version.attributes.graph.edges.find((edge) => edge.target === "step_3")?.config.mapper,
      );
      expect(mappers).toEqual([
        { id: "$.id", email: "$.email" },
        { id: "$.id", email: "$.email", vat: "$.customer.vat" },
      ]);
    } finally {
      await versioned.close();
    }
  });

  it("starts an inactive flow with 202, then answers 409 while it is active, and stops it with 202", async () => {
    const id = demoFlowId("welcome-email");
    const started = await call(emulator, `/v2/flows/${id}/start`, { ...as(ALICE), method: "POST" });
    expect(started.status).toBe(202);
    expect(started.body.data.attributes).toMatchObject({ status: "active", current_status: "inactive" });
    expect(Date.parse(started.body.data.attributes.last_start_time)).toBeGreaterThanOrEqual(
      TEST_NOW.getTime(),
    );
    const after = await call(emulator, `/v2/flows/${id}`, as(ALICE));
    expect(after.body.data.attributes.current_status).toBe("active");
    const again = await call(emulator, `/v2/flows/${id}/start`, { ...as(ALICE), method: "POST" });
    expect(again.status).toBe(409);
    expect(again.body.errors[0]).toMatchObject({ status: 409, code: 409, detail: "Flow is already active" });
    const stopped = await call(emulator, `/v2/flows/${id}/stop`, { ...as(ALICE), method: "POST" });
    expect(stopped).toMatchObject({ status: 202, body: { data: {}, meta: {} } });
    expect((await call(emulator, `/v2/flows/${id}`, as(ALICE))).body.data.attributes.status).toBe("inactive");
  });

  it("resumes a suspended flow without a new last_start_time", async () => {
    const id = demoFlowId("legacy-ftp");
    const before = (await call(emulator, `/v2/flows/${id}`, as(ALICE))).body.data.attributes.last_start_time;
    const resumed = await call(emulator, `/v2/flows/${id}/start`, { ...as(ALICE), method: "POST" });
    expect(resumed.status).toBe(202);
    expect(resumed.body.data.attributes).toMatchObject({
      status: "active",
      current_status: "suspended",
      last_start_time: before,
    });
  });

  it("refuses toggling to a guest (403) and in a suspended contract (403 with the banner text)", async () => {
    const guest = await call(emulator, `/v2/flows/${demoFlowId("currency-rates")}/stop`, {
      ...as(GINA),
      method: "POST",
    });
    expect(guest.status).toBe(403);
    expect(guest.body.errors[0]).toMatchObject({
      code: 403,
      detail: "You need a permission to access this resource.",
    });
    const suspended = await call(emulator, `/v2/flows/${demoFlowId("initech-timesheets")}/start`, {
      ...as(ALICE),
      method: "POST",
    });
    expect(suspended.status).toBe(403);
    expect(suspended.body.errors[0].detail).toContain("This contract has been suspended");
    const other = await call(emulator, `/v2/flows/${demoFlowId("globex-tracking")}/start`, {
      ...as(ALICE),
      method: "POST",
    });
    expect(other.status).toBe(404);
    const wrong = await call(emulator, `/v2/flows/${demoFlowId("globex-tracking")}/start`, as(BOB));
    expect(wrong.status).toBe(405);
  });
});
