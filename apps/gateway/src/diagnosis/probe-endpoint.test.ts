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
    ["::ffff:7f00:1", true],
    // IPv4-compatible (deprecated): never public, whatever they embed
    ["::127.0.0.1", true],
    ["::7f00:1", true],
    ["::a00:1", true],
    ["::8.8.8.8", true],
    // NAT64 leads to the IPv4 address in its last 32 bits
    ["64:ff9b::127.0.0.1", true],
    ["64:ff9b::7f00:1", true],
    ["64:ff9b::a9fe:a9fe", true],
    ["64:ff9b::c0a8:10a", true],
    ["64:ff9b::808:808", false],
    ["64:ff9b:1::808:808", true],
    // 6to4 leads to the IPv4 address in bits 16 to 48
    ["2002:7f00:1::1", true],
    ["2002:a00:1::", true],
    ["2002:c0a8:101::1", true],
    ["2002:808:808::1", false],
    // Teredo, documentation, benchmarking and discard-only ranges
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", true],
    ["2001:db8::1", true],
    ["3fff::1", true],
    ["2001:2::1", true],
    ["100::1", true],
    ["192.0.2.10", true],
    ["198.51.100.7", true],
    ["203.0.113.5", true],
    ["198.18.0.1", true],
    ["fe80::1%eth0", true],
    ["8.8.8.8", false],
    ["93.184.216.34", false],
    ["2606:4700::1111", false],
    ["2001:4860:4860::8888", false],
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
    for (const host of ["[::7f00:1]", "[64:ff9b::7f00:1]", "[2002:7f00:1::1]", "[::ffff:7f00:1]"])
      expect(await probe(`http://${host}:9/`)).toMatchObject({ refused: true });
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
