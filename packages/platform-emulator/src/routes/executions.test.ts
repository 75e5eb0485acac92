import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoComponentId } from "../demo/demo-components.js";
import { DEMO_CREDENTIALS, demoWorkspaceId } from "../demo/demo-directory.js";
import { createEmulator, type Emulator } from "../server/create-emulator.js";
import { ALICE, BOB, call, GINA, TEST_NOW, userByEmail } from "../testing/api.js";

const ACME = demoWorkspaceId("acme-prod");
const HUBSPOT = demoComponentId("hubspot");
const hubspotKeys = DEMO_CREDENTIALS.find((credential) => credential.componentId === HUBSPOT)?.keys ?? {};

const verifyBody = (fields: unknown, workspaceId = ACME, type = "verify-credential") => ({
  data: {
    type,
    attributes: { fields },
    relationships: { workspace: { data: { id: workspaceId, type: "workspace" } } },
  },
});

describe("verify-credential (asynchronous execution)", () => {
  let emulator: Emulator;
  const as = (email: string) => ({ as: userByEmail(emulator, email) });
  const verify = (body: unknown, email = ALICE, component = HUBSPOT) =>
    call(emulator, `/v2/components/${component}/versions/latest/verify-credential`, {
      ...as(email),
      method: "POST",
      body,
    });
  beforeAll(async () => {
    emulator = await createEmulator({ now: TEST_NOW, verificationPolls: 2 });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("answers 202 with Location, stays pending while polled, then 303 to the result", async () => {
    const accepted = await verify(verifyBody(hubspotKeys));
    expect(accepted.status).toBe(202);
    const id = accepted.body.data.id as string;
    expect(accepted.headers.location).toBe(`${emulator.url}/v2/exec/poll/${id}`);
    expect(accepted.body.data).toMatchObject({
      type: "execution-result",
      attributes: { result: {}, status: "Pending request, waiting other process" },
    });
    const early = await call(emulator, `/v2/exec/result/${id}`, as(ALICE));
    expect(early.status).toBe(409);
    for (let poll = 0; poll < 2; poll += 1) {
      const pending = await call(emulator, `/v2/exec/poll/${id}`, as(ALICE));
      expect(pending.status).toBe(200);
      expect(pending.body.data.attributes.status).toBe("Pending request, waiting other process");
    }
    const done = await call(emulator, `/v2/exec/poll/${id}`, as(ALICE));
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe(`/v2/exec/result/${id}`);
    const result = await call(emulator, `/v2/exec/result/${id}`, as(ALICE));
    expect(result.status).toBe(200);
    expect(result.body.data.attributes.result.data).toEqual({
      verified: false,
      reason: expect.stringContaining("401 Unauthorized"),
    });
  });

  it("verifies keys the scenario does not mark as failing", async () => {
    const accepted = await verify(verifyBody({ apiKey: "pat-eu1-fresh" }));
    const id = accepted.body.data.id as string;
    for (let poll = 0; poll < 3; poll += 1) await call(emulator, `/v2/exec/poll/${id}`, as(ALICE));
    const result = await call(emulator, `/v2/exec/result/${id}`, as(ALICE));
    expect(result.body.data.attributes.result.data).toEqual({ verified: true });
  });

  it("rejects bad bodies naming the field, wrong types with 409, and non-JSON with 406", async () => {
    const noFields = await verify({ data: { type: "verify-credential", attributes: {}, relationships: {} } });
    expect(noFields.status).toBe(400);
    expect(noFields.body.errors[0].detail).toContain("fields");
    const noWorkspace = await verify({ data: { type: "verify-credential", attributes: { fields: {} } } });
    expect(noWorkspace.body.errors[0].detail).toContain("workspace");
    expect((await verify(verifyBody({}, ACME, "credential"))).status).toBe(409);
    const text = await call(emulator, `/v2/components/${HUBSPOT}/versions/latest/verify-credential`, {
      ...as(ALICE),
      method: "POST",
      body: "fields=1",
      headers: { "content-type": "text/plain" },
    });
    expect(text.status).toBe(406);
    const broken = await verify("{not json");
    expect(broken.status).toBe(400);
    const huge = await verify({
      data: { type: "verify-credential", attributes: { fields: { blob: "x".repeat(1_100_000) } } },
    });
    expect(huge.status).toBe(413);
  });

  it("checks access: unknown execution 404, guest 403, other tenant 404, unknown revision 404", async () => {
    expect((await call(emulator, `/v2/exec/poll/${"a".repeat(24)}`, as(ALICE))).status).toBe(404);
    expect((await verify(verifyBody(hubspotKeys), GINA)).status).toBe(403);
    expect((await verify(verifyBody(hubspotKeys, ACME), BOB)).status).toBe(404);
    const revision = await call(
      emulator,
      `/v2/components/${HUBSPOT}/versions/${"0".repeat(40)}/verify-credential`,
      {
        ...as(ALICE),
        method: "POST",
        body: verifyBody(hubspotKeys),
      },
    );
    expect(revision.status).toBe(404);
  });
});
