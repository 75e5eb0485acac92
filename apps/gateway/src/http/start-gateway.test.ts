import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../testing/test-gateway.js";

describe("startGateway over real HTTP", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ MAX_BODY_BYTES: "2048", MAX_QUERY_DEPTH: "4", MAX_QUERY_COST: "50" });
  });
  afterAll(async () => {
    await gateway.close();
  });

  it("answers /healthz and /readyz", async () => {
    const health = await fetch(`${gateway.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
    const ready = await fetch(`${gateway.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });

  it("answers a GraphQL query with the configured limits", async () => {
    const { status, body } = await gateway.query(
      "query Info { gateway { upstream limits { maxPageSize maxQueryDepth } } }",
    );
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data).toEqual({
      gateway: { upstream: "EMULATOR", limits: { maxPageSize: 100, maxQueryDepth: 4 } },
    });
  });

  it("echoes a plain x-request-id and makes one up otherwise, and logs it", async () => {
    const given = await fetch(`${gateway.url}/healthz`, { headers: { "x-request-id": "abc-123" } });
    expect(given.headers.get("x-request-id")).toBe("abc-123");
    const made = await fetch(`${gateway.url}/healthz`, { headers: { "x-request-id": "bad id\twith tab" } });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    expect(gateway.logLines().some((line) => line.requestId === "abc-123" && line.path === "/healthz")).toBe(
      true,
    );
  });

  it("never logs the Authorization header", async () => {
    await gateway.query("{ gateway { version } }", { headers: { authorization: "Basic c2VjcmV0LXZhbHVl" } });
    expect(gateway.logText()).not.toContain("c2VjcmV0LXZhbHVl");
  });

  it("refuses a body over the limit with 413 and PAYLOAD_TOO_LARGE", async () => {
    const { status, body } = await gateway.query(`{ gateway { version } } # ${"x".repeat(3000)}`);
    expect(status).toBe(413);
    expect(body.errors?.[0]?.extensions?.code).toBe("PAYLOAD_TOO_LARGE");
    expect(body.errors?.[0]?.message).toContain("2048 bytes");
  });

  it("refuses a body that is not JSON with 400", async () => {
    const response = await fetch(gateway.graphqlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    expect(
      ((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe("BAD_REQUEST");
  });

  it("refuses a query deeper than MAX_QUERY_DEPTH before running it, fragments included", async () => {
    const shallow = await startTestGateway({ MAX_QUERY_DEPTH: "2" });
    try {
      expect((await shallow.query("{ gateway { version } }")).body.errors).toBeUndefined();
      const { body } = await shallow.query(
        "query Deep { ...F } fragment F on Query { gateway { limits { maxPageSize } } }",
      );
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions).toMatchObject({
        code: "QUERY_TOO_COMPLEX",
        limit: "depth",
        atLeast: 3,
        max: 2,
      });
      expect(body.errors?.[0]?.message).toContain("depth is at least 3; the limit is 2");
    } finally {
      await shallow.close();
    }
  });

  it("refuses a query costlier than MAX_QUERY_COST with the figures", async () => {
    const fields = Array.from({ length: 60 }, (_, index) => `g${index}: gateway { version }`).join(" ");
    const { body } = await gateway.query(`{ ${fields} }`);
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: "QUERY_TOO_COMPLEX", limit: "cost", max: 50 });
  });

  it("counts operations by name and outcome on /metrics; anonymous callers cannot add names", async () => {
    const [demo] = gateway.demoUsers;
    const login = {
      authorization: `Basic ${Buffer.from(`${demo?.email}:${demo?.apiKey}`).toString("base64")}`,
    };
    for (let index = 0; index < 20; index += 1)
      await gateway.query(`query Junk${index} { gateway { version } }`);
    await gateway.query("query CountMe { me { id } }", { headers: login });
    await gateway.query("query CountMe { gateway { nope } }");
    const text = await (await fetch(`${gateway.url}/metrics`)).text();
    expect(text).toContain('flowdoctor_graphql_requests_total{operation="CountMe",outcome="ok"} 1');
    expect(text).toMatch(/flowdoctor_graphql_request_duration_seconds_count\{operation="CountMe"\} \d/);
    expect(text).toContain("flowdoctor_upstream_requests_total");
    expect(text).not.toContain("Junk");
    const others = /flowdoctor_graphql_requests_total\{operation="other",outcome="ok"\} (\d+)/.exec(
      text,
    )?.[1];
    expect(Number(others)).toBeGreaterThanOrEqual(20);
  });

  it("answers 404 with the known routes for an unknown path", async () => {
    const response = await fetch(`${gateway.url}/nope`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { see: string[] }).see).toContain("/graphql");
  });

  it("disables Apollo's landing page: a browser opening /graphql lands on the bundled playground", async () => {
    const response = await fetch(gateway.graphqlUrl, {
      headers: { accept: "text/html" },
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    expect(new URL(response.headers.get("location") ?? "", gateway.graphqlUrl).pathname).toBe("/playground");
    const page = await fetch(gateway.graphqlUrl, { headers: { accept: "text/html" } });
    expect(page.url).toBe(`${gateway.url}/playground`);
    expect(await page.text()).not.toContain("apollographql.com");
  });

  it("still answers a GET with a query, and one without, as GraphQL", async () => {
    const query = encodeURIComponent("{ gateway { version } }");
    const get = await fetch(`${gateway.graphqlUrl}?query=${query}`, {
      headers: { accept: "text/html, application/json", "apollo-require-preflight": "1" },
    });
    expect(((await get.json()) as { data: unknown }).data).toEqual({
      gateway: { version: expect.any(String) },
    });
    const empty = await fetch(gateway.graphqlUrl, {
      headers: { accept: "application/json" },
      redirect: "manual",
    });
    expect(empty.status).toBe(400);
  });
});

describe("start-up failures", () => {
  it("says GATEWAY_START_FAILED, naming the address, when the port is taken", async () => {
    const first = await startTestGateway();
    try {
      const port = new URL(first.url).port;
      await expect(startTestGateway({ PORT: port })).rejects.toMatchObject({
        code: "GATEWAY_START_FAILED",
        message: expect.stringContaining(`127.0.0.1:${port} (EADDRINUSE)`),
      });
    } finally {
      await first.close();
    }
  });
});

describe("graceful shutdown", () => {
  it("lets a request in flight finish, reports not ready, then closes", async () => {
    const gateway = await startTestGateway();
    const port = new URL(gateway.url).port;
    const payload = JSON.stringify({ query: "{ gateway { version } }" });
    const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = httpRequest(
        {
          host: "127.0.0.1",
          port,
          path: "/graphql",
          method: "POST",
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload) },
        },
        (response) => {
          let text = "";
          response.on("data", (chunk) => {
            text += String(chunk);
          });
          response.on("end", () => resolve({ status: response.statusCode ?? 0, text }));
        },
      );
      request.on("error", reject);
      request.flushHeaders();
      request.write(payload.slice(0, 10));
      setTimeout(() => request.end(payload.slice(10)), 600);
    });
    // Let the request reach the server (headers parsed) before shutting down; the body is still coming.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const closed = gateway.close();
    const result = await answer;
    await closed;
    expect(result.status).toBe(200);
    expect(JSON.parse(result.text)).toMatchObject({ data: { gateway: { version: "0.1.0" } } });
    await expect(fetch(`${gateway.url}/healthz`)).rejects.toThrow();
  });
});
