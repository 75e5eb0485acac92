import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestGateway, type TestGateway } from "../testing/test-gateway.js";

describe("serving the playground files", () => {
  let gateway: TestGateway;
  let empty: TestGateway;
  beforeAll(async () => {
    const directory = await mkdtemp(join(tmpdir(), "fd-playground-"));
    await writeFile(join(directory, "index.html"), "<!doctype html><title>pg</title>");
    await writeFile(join(directory, "app.js"), "console.log(1)");
    gateway = await startTestGateway({}, { playgroundDir: directory });
    empty = await startTestGateway({}, { playgroundDir: join(directory, "missing") });
  });
  afterAll(async () => {
    await gateway.close();
    await empty.close();
  });

  it("serves the page at / and /playground with a same-origin-only content security policy", async () => {
    for (const path of ["/", "/playground", "/playground/"]) {
      const response = await fetch(`${gateway.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/html");
      expect(response.headers.get("content-security-policy")).toContain("connect-src 'self'");
      expect(await response.text()).toContain("<title>pg</title>");
    }
  });

  it("serves its assets with their types and long caching", async () => {
    const response = await fetch(`${gateway.url}/playground/app.js`);
    expect(response.headers.get("content-type")).toContain("text/javascript");
    expect(response.headers.get("cache-control")).toContain("immutable");
  });

  it("does not serve files outside its folder", async () => {
    const response = await fetch(`${gateway.url}/playground/..%2f..%2fpackage.json`);
    expect(response.status).toBe(404);
  });

  it("says how to build it when it is missing", async () => {
    const response = await fetch(`${empty.url}/playground`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("pnpm --filter @flowdoctor/gateway build");
  });
});
