import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

const run = (env: Record<string, string>): { child: ChildProcess; output: () => string } => {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: packageDir,
    // An in-memory ticket store: the test leaves no data folder behind.
    env: { PATH: process.env.PATH ?? "", PORT: "0", LOG_LEVEL: "info", DATA_DIR: "memory://", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (chunk) => {
    text += String(chunk);
  });
  child.stderr?.on("data", (chunk) => {
    text += String(chunk);
  });
  return { child, output: () => text };
};

const waitFor = async (output: () => string, pattern: RegExp): Promise<RegExpMatchArray> => {
  // Up to 60 s: start-up opens PGlite, which is slow on a loaded CI machine.
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    const match = output().match(pattern);
    if (match) return match;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${pattern} in:\n${output()}`);
};

describe("the flowdoctor-gateway command", () => {
  it("exits 1 naming each broken variable, without a stack trace", async () => {
    const { child, output } = run({ PORT: "-1", PLATFORM_API_URL: "nope" });
    const [code] = (await once(child, "exit")) as [number];
    expect(code).toBe(1);
    expect(output()).toContain("PORT must be an integer from 0 to 65535");
    expect(output()).toContain("PLATFORM_API_URL must be a URL");
    expect(output()).not.toMatch(/\bat .+\(.+:\d+:\d+\)/);
  });

  it("prints the playground URL, serves, and stops cleanly on SIGTERM", async () => {
    const { child, output } = run({});
    const exited = once(child, "exit") as Promise<[number | null]>;
    try {
      const [, url] = await waitFor(output, /Flowdoctor playground: (http:\/\/\S+)\/playground/);
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      expect(output()).toContain("embedded emulator, demo scenario");
      expect(output()).toMatch(/alice@acme\.example {2}\S+/);
    } finally {
      // Also when an assertion fails: a leaked gateway would outlive the test run.
      child.kill("SIGTERM");
    }
    const [code] = await exited;
    expect(code).toBe(0);
    expect(output()).toContain('"msg":"gateway stopped"');
  });
});
