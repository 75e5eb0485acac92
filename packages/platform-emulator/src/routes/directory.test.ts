import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmulator, type Emulator } from "../server/create-emulator.js";
import { ALICE, BOB, call, TEST_NOW, userByEmail } from "../testing/api.js";

describe("users, contracts and workspaces", () => {
  let emulator: Emulator;
  const as = (email: string) => ({ as: userByEmail(emulator, email) });
  beforeAll(async () => {
    emulator = await createEmulator({ now: TEST_NOW });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("answers 401 with the error envelope without or with a wrong key", async () => {
    const missing = await call(emulator, "/v2/users/me");
    expect(missing.status).toBe(401);
    expect(missing.body).toEqual({
      errors: [{ status: 401, title: "Unauthorized", detail: "No authorization header was provided." }],
    });
    const wrong = await call(emulator, "/v2/users/me", { as: { email: ALICE, apiKey: "not-the-key" } });
    expect(wrong.status).toBe(401);
  });

  it("serves users/me as a JSON:API user without the API key", async () => {
    const answer = await call(emulator, "/v2/users/me", as(BOB));
    expect(answer.body.data).toMatchObject({ type: "user", attributes: { first_name: "Bob", email: BOB } });
    expect(JSON.stringify(answer.body)).not.toContain(userByEmail(emulator, BOB).apiKey);
  });

  it("lets a user see only their contracts, with paging meta", async () => {
    const alice = await call(emulator, "/v2/contracts", as(ALICE));
    expect(alice.body.data.map((c: { attributes: { name: string } }) => c.attributes.name).sort()).toEqual([
      "Acme Retail GmbH",
      "Initech Payroll Services",
    ]);
    expect(alice.body.meta).toEqual({ page: 1, per_page: 20, total: 2, total_pages: 1 });
    const bob = await call(emulator, "/v2/contracts/", as(BOB));
    expect(bob.body.data).toHaveLength(1);
    const acmeId = alice.body.data.find((c: { attributes: { name: string } }) =>
      c.attributes.name.startsWith("Acme"),
    ).id;
    const denied = await call(emulator, `/v2/contracts/${acmeId}`, as(BOB));
    expect(denied.status).toBe(404);
    expect(denied.body.errors[0]).toMatchObject({
      status: 404,
      code: 404,
      source: { parameter: { id: acmeId } },
    });
  });

  it("includes contract members on request and shows contract status", async () => {
    const list = await call(emulator, "/v2/contracts", as(ALICE));
    const initech = list.body.data.find((c: { attributes: { name: string } }) =>
      c.attributes.name.startsWith("Initech"),
    );
    expect(initech.attributes.status).toBe("suspended");
    const one = await call(emulator, `/v2/contracts/${initech.id}?include=members`, as(ALICE));
    expect(one.body.included[0]).toMatchObject({
      type: "contract-member",
      attributes: { email: ALICE, roles: ["admin"] },
    });
  });

  it("lists workspaces by contract with their type, and pages them", async () => {
    const all = await call(emulator, "/v2/workspaces", as(ALICE));
    expect(all.body.meta.total).toBe(3);
    const acme = all.body.data.find(
      (w: { attributes: { name: string } }) => w.attributes.name === "Acme Sandbox",
    );
    expect(acme.attributes.type).toBe("limited");
    const byContract = await call(
      emulator,
      `/v2/workspaces?contract_id=${acme.relationships.contract.data.id}`,
      as(ALICE),
    );
    expect(
      byContract.body.data.map((w: { attributes: { name: string } }) => w.attributes.name).sort(),
    ).toEqual(["Acme Production", "Acme Sandbox"]);
    const second = await call(emulator, "/v2/workspaces?page%5Bsize%5D=2&page%5Bnumber%5D=2", as(ALICE));
    expect(second.body.data).toHaveLength(1);
    expect(second.body.meta).toEqual({ page: 2, per_page: 2, total: 3, total_pages: 2 });
    const beyond = await call(emulator, "/v2/workspaces?page[size]=2&page[number]=9", as(ALICE));
    expect(beyond.status).toBe(200);
    expect(beyond.body.data).toEqual([]);
    const tooBig = await call(emulator, "/v2/workspaces?page[size]=101", as(ALICE));
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.errors[0].detail).toContain("page[size]");
    const other = await call(emulator, `/v2/workspaces/${acme.id}`, as(BOB));
    expect(other.status).toBe(404);
    const withMembers = await call(emulator, `/v2/workspaces/${acme.id}?include=members`, as(ALICE));
    expect(
      withMembers.body.included.map((m: { type: string; attributes: { email: string } }) => [
        m.type,
        m.attributes.email,
      ]),
    ).toEqual([
      ["member", ALICE],
      ["member", "carl@acme.example"],
    ]);
    const members = await call(emulator, `/v2/workspaces/${acme.id}/members/`, as(ALICE));
    expect(members.body.data[0].links.self).toBe(`/v2/members/${members.body.data[0].id}`);
  });

  it("resolves a flow author through users/{id} only within shared contracts", async () => {
    const bobId = userByEmail(emulator, BOB).id;
    expect((await call(emulator, `/v2/users/${bobId}`, as(ALICE))).status).toBe(404);
    const carlId = userByEmail(emulator, "carl@acme.example").id;
    const carl = await call(emulator, `/v2/users/${carlId}/`, as(ALICE));
    expect(carl.body.data.attributes.last_name).toBe("Koch");
  });

  it("answers 404 for unknown routes and 405 with Allow for wrong methods", async () => {
    const unknown = await call(emulator, "/v2/teapots", as(ALICE));
    expect(unknown.status).toBe(404);
    const wrong = await call(emulator, "/v2/users/me", { ...as(ALICE), method: "DELETE" });
    expect(wrong.status).toBe(405);
    expect(wrong.headers.allow).toBe("GET");
    expect(wrong.body.errors[0].status).toBe(405);
    const outside = await call(emulator, "/api/v1/flows", as(ALICE));
    expect(outside.status).toBe(404);
  });

  it("answers 404, not 500, for malformed percent-encoding in an id", async () => {
    const answer = await call(emulator, "/v2/users/%E0%A4%A", as(ALICE));
    expect(answer.status).toBe(404);
    expect(answer.body.errors[0].title).toBe("Resource not found");
  });
});
