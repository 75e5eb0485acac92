import { lookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";
import type { EndpointProbe } from "@flowdoctor/core";
import { Agent, request } from "undici";

/** Options of {@link createEndpointProber}. */
export interface EndpointProberOptions {
  /**
   * Probe loopback, private, link-local and other non-public addresses too. Off by default so that the gateway cannot
   * be used to scan internal networks.
   * @default false
   */
  readonly allowPrivateNetworks?: boolean;
  /** Give up after this many milliseconds. @default 3000 */
  readonly timeoutMs?: number;
}

const NON_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  NON_PUBLIC.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, "ipv6");
}

/** Whether an IP address is loopback, private, link-local, multicast or otherwise not on the public internet. */
export const isNonPublicAddress = (address: string): boolean => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return NON_PUBLIC.check(mapped, "ipv4");
  return NON_PUBLIC.check(address, isIP(address) === 6 ? "ipv6" : "ipv4");
};

const reasonOf = (error: unknown): string => {
  const { code, message } = error as { code?: string; message?: string };
  return code ? `${code}${message ? `: ${message}` : ""}` : (message ?? String(error));
};

const resolveHost = async (host: string): Promise<{ address: string; family: number }[]> =>
  isIP(host) ? [{ address: host, family: isIP(host) }] : lookup(host, { all: true });

/**
 * A live probe of an external endpoint for the diagnosis: one GET without redirects and with a short timeout. The
 * host is resolved once, checked against the non-public ranges, and the connection is pinned to the checked address
 * (no DNS rebinding between the check and the request).
 */
export const createEndpointProber = (options: EndpointProberOptions = {}) => {
  const timeoutMs = options.timeoutMs ?? 3_000;
  return async (url: string): Promise<EndpointProbe> => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return { refused: true, reason: "not a URL" };
    }
    if (target.protocol !== "http:" && target.protocol !== "https:")
      return { refused: true, reason: `${target.protocol} is not probed` };
    const host = target.hostname.replace(/^\[|\]$/g, "");
    let addresses: { address: string; family: number }[];
    try {
      addresses = await resolveHost(host);
    } catch (error) {
      return { reachable: false, reason: reasonOf(error) };
    }
    if (!options.allowPrivateNetworks && addresses.some(({ address }) => isNonPublicAddress(address))) {
      return {
        refused: true,
        reason: `${host} resolves to a non-public address; the operator has not allowed probing private networks`,
      };
    }
    const pinned = addresses[0] as { address: string; family: number };
    const agent = new Agent({
      connect: {
        lookup: (_hostname, _options, callback) =>
          callback(null, [{ address: pinned.address, family: pinned.family }]),
      },
    });
    const started = performance.now();
    try {
      const response = await request(target, {
        method: "GET",
        dispatcher: agent,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.body.dump();
      return { reachable: true, status: response.statusCode, latencyMs: performance.now() - started };
    } catch (error) {
      return { reachable: false, reason: reasonOf(error) };
    } finally {
      await agent.close();
    }
  };
};
