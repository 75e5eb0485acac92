import { Pool } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoWorkspaceId } from "../demo/demo-directory.js";
import { ALICE, BOB, basicAuth, TEST_NOW, userByEmail } from "../testing/api.js";
import { createEmulator, type Emulator } from "./create-emulator.js";

describe("many parallel requests on keep-alive connections", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({ now: TEST_NOW });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("answers every request with the right user's data", async () => {
    const pool = new Pool(emulator.url, { connections: 8 });
    const users = [userByEmail(emulator, ALICE), userByEmail(emulator, BOB)];
    const paths = [`/v2/flows?workspace_id=${demoWorkspaceId("acme-prod")}&page[size]=5`, "/v2/users/me"];
    try {
      const answers = await Promise.all(
        Array.from({ length: 400 }, async (_, index) => {
          const user = users[index % 2] as (typeof users)[number];
          const path = paths[Math.floor(index / 2) % 2] as string;
          const response = await pool.request({
            path,
            method: "GET",
            headers: { authorization: basicAuth(user) },
          });
          const body = (await response.body.json()) as { data: { attributes: { email?: string } } };
          return { user: user.email, path, status: response.statusCode, email: body.data?.attributes?.email };
        }),
      );
      const me = answers.filter((answer) => answer.path === "/v2/users/me");
      expect(me.every((answer) => answer.status === 200 && answer.email === answer.user)).toBe(true);
      const flows = answers.filter((answer) => answer.path !== "/v2/users/me");
      expect(flows.filter((answer) => answer.user === ALICE).every((answer) => answer.status === 200)).toBe(
        true,
      );
      expect(flows.filter((answer) => answer.user === BOB).every((answer) => answer.status === 404)).toBe(
        true,
      );
      expect(emulator.requests.length).toBeGreaterThanOrEqual(400);
    } finally {
      await pool.close();
    }
  });
});
