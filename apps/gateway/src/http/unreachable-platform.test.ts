import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { basic } from "../testing/emulator-gateway.js";
import { startTestGateway, type TestGateway } from "../testing/test-gateway.js";

/** A loopback port nothing listens on: bound, then released. */
const closedPort = async (): Promise<number> => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
};

describe("a gateway whose platform is unreachable", () => {
  let gateway: TestGateway;
  let platformUrl: string;
  beforeAll(async () => {
    platformUrl = `http://127.0.0.1:${await closedPort()}`;
    gateway = await startTestGateway({ PLATFORM_API_URL: platformUrl });
  });
  afterAll(async () => {
    await gateway?.close();
  });

  it("answers UPSTREAM_UNAVAILABLE and logs the URL and cause once, not once per request", async () => {
    const headers = { authorization: basic("ops@example.test", "secret-api-key") };
    for (let i = 0; i < 3; i += 1) {
      const { body } = await gateway.query("{ me { email } }", { headers });
      expect(body.errors?.[0]?.extensions?.code).toBe("UPSTREAM_UNAVAILABLE");
    }
    const lines = gateway.logLines().filter((line) => line.msg === "the platform could not be reached");
    expect(lines).toEqual([
      expect.objectContaining({
        level: 50,
        url: `${platformUrl}/v2/users/me`,
        operation: "GET /v2/users/me",
        cause: "ECONNREFUSED",
        requestId: expect.any(String),
      }),
    ]);
    expect(gateway.logText()).not.toContain("secret-api-key");
  });

  it("is not ready, and says why", async () => {
    const response = await fetch(`${gateway.url}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "not ready",
      reason: `the platform at ${platformUrl} is unreachable (ECONNREFUSED)`,
    });
    expect((await fetch(`${gateway.url}/healthz`)).status).toBe(200);
  });
});
