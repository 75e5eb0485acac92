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
  ["192.0.2.0", 24], // documentation (TEST-NET-1)
  ["192.88.99.0", 24], // the former 6to4 relay anycast
  ["192.168.0.0", 16],
  ["198.18.0.0", 15], // benchmarking
  ["198.51.100.0", 24], // documentation (TEST-NET-2)
  ["203.0.113.0", 24], // documentation (TEST-NET-3)
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const)
  NON_PUBLIC.addSubnet(network, prefix, "ipv4");
for (const [network, prefix] of [
  ["::", 96], // unspecified, loopback and the deprecated IPv4-compatible addresses (::127.0.0.1 is ::7f00:1)
  ["64:ff9b:1::", 48], // local-use NAT64
  ["100::", 64], // discard-only
  ["2001::", 32], // Teredo: tunnels to an IPv4 address the prefix hides
  ["2001:2::", 48], // benchmarking
  ["2001:db8::", 32], // documentation
  ["3fff::", 20], // documentation
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  NON_PUBLIC.addSubnet(network, prefix, "ipv6");
}

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 part and a zone id allowed). */
const ipv6Groups = (address: string): number[] => {
  let text = (address.split("%")[0] ?? "").toLowerCase();
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const groupsOf = (part: string) =>
    part === "" ? [] : part.split(":").map((group) => Number.parseInt(group, 16));
  const [first, last] = [groupsOf(head), groupsOf(tail ?? "")];
  const zeros = tail === undefined ? [] : new Array<number>(8 - first.length - last.length).fill(0);
  return [...first, ...zeros, ...last];
};

const ipv4Of = (high: number, low: number): string => `${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`;

/** The IPv4 address that NAT64 (64:ff9b::/96) or 6to4 (2002::/16) addresses lead to; undefined for others. */
const embeddedIpv4 = (address: string): string | undefined => {
  const groups = ipv6Groups(address);
  const isNat64 =
    groups[0] === 0x64 && groups[1] === 0xff9b && groups.slice(2, 6).every((group) => group === 0);
  if (isNat64) return ipv4Of(groups[6] ?? 0, groups[7] ?? 0);
  if (groups[0] === 0x2002) return ipv4Of(groups[1] ?? 0, groups[2] ?? 0);
  return undefined;
};

/**
 * Whether an IP address is loopback, private, link-local, multicast, reserved for documentation or benchmarks, or
 * otherwise not on the public internet; IPv6 addresses that lead to an IPv4 address are judged by that address.
 */
export const isNonPublicAddress = (address: string): boolean => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return NON_PUBLIC.check(mapped, "ipv4");
  if (isIP(address) !== 6) return NON_PUBLIC.check(address, "ipv4");
  if (NON_PUBLIC.check(address, "ipv6")) return true;
  const embedded = embeddedIpv4(address);
  return embedded !== undefined && NON_PUBLIC.check(embedded, "ipv4");
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
