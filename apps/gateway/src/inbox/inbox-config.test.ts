import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readInboxConfig } from "./inbox-config.js";

const WORKSPACE = "09d652221e2f6713ca2e10da";
const API_KEY = "1f2e3d4c-5b6a-4978-8a6b-5c4d3e2f1a0b";

describe("readInboxConfig", () => {
  it("runs no watcher by default", () => {
    const problems: string[] = [];
    expect(readInboxConfig({}, problems)).toEqual({ watches: [], intervalMs: 60_000 });
    expect(problems).toEqual([]);
  });

  it("reads the watched workspaces, the key and the interval", () => {
    const problems: string[] = [];
    const key = randomBytes(32);
    const config = readInboxConfig(
      {
        INBOX_WATCH: ` ${WORKSPACE}=watcher@acme.example:${API_KEY} `,
        INBOX_SECRET_KEY: key.toString("base64"),
        INBOX_WATCH_INTERVAL_MS: "30000",
      },
      problems,
    );
    expect(problems).toEqual([]);
    expect(config).toEqual({
      watches: [{ workspaceId: WORKSPACE, email: "watcher@acme.example", apiKey: API_KEY }],
      secretKey: key,
      intervalMs: 30_000,
    });
  });

  it("names the variable of each problem and never echoes a credential", () => {
    const problems: string[] = [];
    readInboxConfig(
      { INBOX_WATCH: `${WORKSPACE}=watcher@acme.example:${API_KEY},not-a-workspace=${API_KEY}` },
      problems,
    );
    expect(problems).toEqual([
      expect.stringMatching(/^INBOX_WATCH item 2 must be <workspaceId>=<email>:<apiKey>/),
      expect.stringMatching(/^INBOX_SECRET_KEY is required with INBOX_WATCH/),
    ]);
    readInboxConfig({ INBOX_SECRET_KEY: "dG9vLXNob3J0" }, problems);
    expect(problems.at(-1)).toMatch(/^INBOX_SECRET_KEY must be 32 random bytes/);
    expect(problems.join("\n")).not.toContain(API_KEY);
    expect(problems.join("\n")).not.toContain("dG9vLXNob3J0");
  });
});
