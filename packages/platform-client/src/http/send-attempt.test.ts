// What the emulator cannot serve: answers of proxies in front of the platform (HTML, non-JSON), and the headers a
// hook adds. A plain node:http server on 127.0.0.1 stands in for such a proxy.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPlatformClient } from "../client.js";
import { rejectionOf } from "../testing/harness.js";

let server: Server;
let baseUrl: string;
const seen: IncomingHttpHeaders[] = [];
const urls: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request.headers);
    urls.push(request.url ?? "");
    if (request.url === "/v2/users/me") {
      response.writeHead(502, { "content-type": "text/html" }).end("<html><body>Bad gateway</body></html>");
      return;
    }
    response.writeHead(200, { "content-type": "text/plain" }).end("maintenance");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

describe("answers from something other than the platform", () => {
  it("reports a proxy's HTML error page by status alone and retries it", async () => {
    const platform = createPlatformClient({
      baseUrl,
      email: "a@b.c",
      apiKey: "k",
      retries: 1,
      retryDelayMs: 1,
    });
    seen.length = 0;
    const error = await rejectionOf(platform.me());
    expect(error).toMatchObject({
      code: "PLATFORM_UNAVAILABLE",
      status: 502,
      title: undefined,
      detail: undefined,
    });
    expect(seen).toHaveLength(2);
    await platform.close();
  });

  it("reports a success status with a body that is not JSON as a decode error", async () => {
    const platform = createPlatformClient({ baseUrl, email: "a@b.c", apiKey: "k" });
    const error = await rejectionOf(platform.getFlow("585918da586224001b96de89"));
    expect(error).toMatchObject({
      code: "PLATFORM_DECODE",
      status: 200,
      path: "/v2/flows/585918da586224001b96de89",
    });
    expect((error as Error).message).toBe(
      "GET /v2/flows/585918da586224001b96de89 answered 200 with a body that is not JSON",
    );
    await platform.close();
  });

  it("sends HTTP Basic auth, the base path, and the headers a hook adds", async () => {
    const platform = createPlatformClient({
      baseUrl: `${baseUrl}/tenant`,
      email: "a@b.c",
      apiKey: "k",
      hooks: { onRequest: ({ attempt, context }) => ({ "x-request-id": `${String(context)}-${attempt}` }) },
    });
    seen.length = 0;
    await rejectionOf(platform.getFlow("585918da586224001b96de89", { context: "req-7" }));
    expect(urls.at(-1)).toBe("/tenant/v2/flows/585918da586224001b96de89");
    expect(seen[0]).toMatchObject({
      authorization: `Basic ${Buffer.from("a@b.c:k").toString("base64")}`,
      accept: "application/json",
      "x-request-id": "req-7-1",
    });
    await platform.close();
  });
});
