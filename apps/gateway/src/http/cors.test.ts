import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../testing/test-gateway.js";

const DASHBOARD = "https://dashboard.example.com";
const STRANGER = "https://evil.example.net";

describe("CORS with an allow-list (CORS_ORIGINS)", () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway({ CORS_ORIGINS: `${DASHBOARD},http://localhost:5173` });
  });
  afterAll(async () => {
    await gateway.close();
  });

  const preflight = (origin: string) =>
    fetch(gateway.graphqlUrl, {
      method: "OPTIONS",
      headers: {
        origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "content-type, authorization, apollo-require-preflight",
      },
    });

  it("answers an allowed origin's preflight with the methods and headers GraphQL clients send", async () => {
    const response = await preflight(DASHBOARD);
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(DASHBOARD);
    expect(response.headers.get("vary")).toContain("origin");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    const allowed = response.headers.get("access-control-allow-headers") ?? "";
    for (const header of ["content-type", "authorization", "apollo-require-preflight"])
      expect(allowed).toContain(header);
  });

  it("refuses another origin's preflight without any CORS header", async () => {
    const response = await preflight(STRANGER);
    expect(response.status).toBe(403);
    expect([...response.headers.keys()].filter((name) => name.startsWith("access-control-"))).toEqual([]);
  });

  it("lets an allowed origin read the answer of a POST, and gives a refused one no CORS header", async () => {
    const post = (origin: string) =>
      fetch(gateway.graphqlUrl, {
        method: "POST",
        headers: { origin, "content-type": "application/json" },
        body: JSON.stringify({ query: "{ gateway { version } }" }),
      });
    const allowed = await post(DASHBOARD);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(DASHBOARD);
    expect(allowed.headers.get("access-control-expose-headers")).toContain("x-request-id");
    const refused = await post(STRANGER);
    expect(refused.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("keeps Apollo's CSRF prevention: a simple GET from an allowed origin without the preflight header is refused", async () => {
    const query = encodeURIComponent("{ gateway { version } }");
    const simple = await fetch(`${gateway.graphqlUrl}?query=${query}`, { headers: { origin: DASHBOARD } });
    expect(simple.status).toBe(400);
    expect(await simple.text()).toContain("apollo-require-preflight");
    const flagged = await fetch(`${gateway.graphqlUrl}?query=${query}`, {
      headers: { origin: DASHBOARD, "apollo-require-preflight": "1" },
    });
    expect(flagged.status).toBe(200);
  });
});
