import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEndpointProber, isNonPublicAddress } from "./probe-endpoint.js";

describe("isNonPublicAddress", () => {
  it.each([
    ["127.0.0.1", true],
    ["10.1.2.3", true],
    ["172.20.0.1", true],
    ["192.168.1.10", true],
    ["169.254.169.254", true],
    ["100.64.0.1", true],
    ["0.0.0.0", true],
    ["::1", true],
    ["fe80::1", true],
    ["fd12:3456::1", true],
    ["::ffff:127.0.0.1", true],
    ["8.8.8.8", false],
    ["93.184.216.34", false],
    ["2606:4700::1111", false],
  ])("%s → %s", (address, expected) => {
    expect(isNonPublicAddress(address)).toBe(expected);
  });
});

describe("createEndpointProber", () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      response.statusCode = request.url === "/down" ? 503 : 200;
      response.end("ok");
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it("refuses loopback and private targets unless the operator allows them", async () => {
    const probe = createEndpointProber();
    expect(await probe(`${base}/`)).toMatchObject({ refused: true });
    expect(await probe("http://localhost:9/")).toMatchObject({ refused: true });
    expect(await probe("http://169.254.169.254/latest/meta-data/")).toMatchObject({ refused: true });
  });

  it("refuses what is not http(s) or not a URL", async () => {
    const probe = createEndpointProber({ allowPrivateNetworks: true });
    expect(await probe("file:///etc/passwd")).toEqual({ refused: true, reason: "file: is not probed" });
    expect(await probe("not a url")).toEqual({ refused: true, reason: "not a URL" });
  });

  it("reports the status and time of a reachable endpoint, and why an unreachable one failed", async () => {
    const probe = createEndpointProber({ allowPrivateNetworks: true, timeoutMs: 2_000 });
    expect(await probe(`${base}/`)).toMatchObject({ reachable: true, status: 200 });
    expect(await probe(`${base}/down`)).toMatchObject({ reachable: true, status: 503 });
    const closed = await probe("http://127.0.0.1:9/");
    expect(closed).toMatchObject({ reachable: false });
    expect("reason" in closed && closed.reason).toMatch(/ECONNREFUSED/);
  });
});
