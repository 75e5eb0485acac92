import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ALICE, BOB, call, TEST_NOW, userByEmail } from "../testing/api.js";
import { createEmulator, type Emulator } from "./create-emulator.js";

describe("createEmulator", () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({ now: TEST_NOW });
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("listens on 127.0.0.1 with a free port and serves /v2 over real HTTP", async () => {
    expect(emulator.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const answer = await call(emulator, "/v2/users/me", { as: userByEmail(emulator, ALICE) });
    expect(answer.status).toBe(200);
    expect(answer.headers["content-type"]).toContain("application/json");
    expect(answer.body.data.attributes.email).toBe(ALICE);
  });

  it("exposes deterministic seeded users with their API keys", async () => {
    const again = await createEmulator({ now: TEST_NOW });
    try {
      expect(again.users).toEqual(emulator.users);
      expect(emulator.users.map((user) => user.email)).toEqual(expect.arrayContaining([ALICE, BOB]));
    } finally {
      await again.close();
    }
  });

  it("records requests with method, path and status, and resets the record", async () => {
    emulator.resetRequests();
    await call(emulator, "/v2/users/me");
    await call(emulator, "/v2/contracts?page[size]=1", { as: userByEmail(emulator, BOB) });
    expect(emulator.requests).toEqual([
      { method: "GET", path: "/v2/users/me", query: "", status: 401 },
      { method: "GET", path: "/v2/contracts", query: "page[size]=1", status: 200, email: BOB },
    ]);
    emulator.resetRequests();
    expect(emulator.requests).toHaveLength(0);
  });

  it("rejects bad options with a message naming the field", async () => {
    await expect(createEmulator({ port: -1 })).rejects.toMatchObject({
      code: "EMULATOR_INVALID_OPTIONS",
      message: /port/,
    });
    await expect(createEmulator({ now: "yesterday" })).rejects.toMatchObject({
      code: "EMULATOR_INVALID_OPTIONS",
      message: /now/,
    });
  });
});
