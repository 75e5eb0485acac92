import { request } from "undici";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { ALICE, basicAuth, call, TEST_NOW, userByEmail } from "../testing/api.js";
import { createEmulator, type Emulator } from "./create-emulator.js";

describe("faults", () => {
  let emulator: Emulator;
  const me = () => call(emulator, "/v2/users/me", { as: userByEmail(emulator, ALICE) });
  beforeAll(async () => {
    emulator = await createEmulator({
      now: TEST_NOW,
      faults: [{ path: "/v2/contracts*", status: 502, times: 1 }],
    });
  });
  afterEach(() => {
    emulator.setFaults([]);
  });
  afterAll(async () => {
    await emulator.close();
  });

  it("applies faults given at start, for the configured number of requests", async () => {
    const as = { as: userByEmail(emulator, ALICE) };
    const failed = await call(emulator, "/v2/contracts", as);
    expect(failed.status).toBe(502);
    expect(failed.body.errors[0]).toMatchObject({ status: 502, title: "Bad gateway" });
    expect((await call(emulator, "/v2/contracts", as)).status).toBe(200);
  });

  it("bursts errors and switches them on and off at run time", async () => {
    emulator.setFaults([{ status: 503, times: 2 }]);
    expect((await me()).status).toBe(503);
    expect((await me()).status).toBe(503);
    expect((await me()).status).toBe(200);
    emulator.setFaults([{ status: 500 }]);
    expect((await me()).status).toBe(500);
    emulator.setFaults([]);
    expect((await me()).status).toBe(200);
  });

  it("sends 429 with Retry-After", async () => {
    emulator.setFaults([{ method: "GET", path: "/v2/users/me", status: 429, retryAfterSeconds: 7 }]);
    const limited = await me();
    expect(limited.status).toBe(429);
    expect(limited.headers["retry-after"]).toBe("7");
    emulator.setFaults([{ status: 429 }]);
    expect((await me()).headers["retry-after"]).toBe("1");
  });

  it("matches rules by method and path, the first matching rule winning", async () => {
    emulator.setFaults([
      { method: "POST", status: 500 },
      { path: "/v2/contracts", status: 503 },
      { path: "/v2/users*", status: 502 },
    ]);
    expect((await me()).status).toBe(502);
    expect((await call(emulator, "/v2/contracts/", { as: userByEmail(emulator, ALICE) })).status).toBe(503);
    expect((await call(emulator, "/v2/workspaces", { as: userByEmail(emulator, ALICE) })).status).toBe(200);
  });

  it("adds latency", async () => {
    emulator.setFaults([{ latencyMs: 150 }]);
    const started = performance.now();
    expect((await me()).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it("drops connections", async () => {
    emulator.setFaults([{ dropConnection: true, times: 1 }]);
    await expect(me()).rejects.toThrow();
    expect(emulator.requests.at(-1)).toMatchObject({ path: "/v2/users/me", status: 0 });
    expect((await me()).status).toBe(200);
  });

  it("sends slow bodies in pieces over the configured time", async () => {
    emulator.setFaults([{ slowBodyMs: 200 }]);
    const started = performance.now();
    const response = await request(`${emulator.url}/v2/users/me`, {
      headers: { authorization: basicAuth(userByEmail(emulator, ALICE)) },
    });
    const headersAfter = performance.now() - started;
    const body = (await response.body.json()) as { data: { attributes: { email: string } } };
    expect(body.data.attributes.email).toBe(ALICE);
    const total = performance.now() - started;
    expect(total).toBeGreaterThanOrEqual(195);
    // Headers come first; most of the time is spent waiting for the body's pieces.
    expect(total - headersAfter).toBeGreaterThanOrEqual(100);
  });

  it("rejects invalid rules naming the rule and field", () => {
    expect(() => emulator.setFaults([{ status: 404 as 500 }])).toThrow(/faults\[0\]: status/);
    expect(() => emulator.setFaults([{}, { latencyMs: -5 }])).toThrow(/faults\[1\]: latencyMs/);
    expect(() => emulator.setFaults([{ path: "v2/flows" }])).toThrow(/faults\[0\]: path/);
  });
});
