import { describe, expect, it } from "vitest";
import { readLiveConfig } from "./live-config.js";

describe("readLiveConfig", () => {
  it("has bounded defaults", () => {
    const problems: string[] = [];
    expect(readLiveConfig({}, problems)).toEqual({
      pollMs: 1000,
      maxConnections: 1000,
      maxConnectionsPerCaller: 10,
      maxSubscriptionsPerConnection: 10,
      recheckMs: 60_000,
      initTimeoutMs: 10_000,
    });
    expect(problems).toEqual([]);
  });

  it("names each broken variable and its range", () => {
    const problems: string[] = [];
    readLiveConfig(
      { LIVE_POLL_MS: "10", MAX_WS_CONNECTIONS_PER_CALLER: "lots", LIVE_RECHECK_MS: "0" },
      problems,
    );
    expect(problems).toEqual([
      expect.stringMatching(/^LIVE_POLL_MS must be an integer from 100 to 60000/),
      expect.stringMatching(/^MAX_WS_CONNECTIONS_PER_CALLER must be an integer from 1 to 10000/),
      expect.stringMatching(/^LIVE_RECHECK_MS must be an integer from 1000 to 3600000/),
    ]);
  });
});
