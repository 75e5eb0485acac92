import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

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

const ALICE_BASIC = `Basic ${Buffer.from("alice@acme.example:4d6f7c2a-1b3e-4f5a-8c9d-0e1f2a3b4c5d").toString("base64")}`;

const graphql = async (url: string, query: string): Promise<Record<string, { id: string } | null>> => {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: ALICE_BASIC },
    body: JSON.stringify({ query }),
  });
  return ((await response.json()) as { data: Record<string, { id: string } | null> }).data;
};

/** Starts the command on a data folder and waits until it serves; returns its base URL. */
const serve = async (dataDir: string) => {
  const gateway = run({ DATA_DIR: dataDir });
  const exited = once(gateway.child, "exit") as Promise<[number | null, string | null]>;
  const [, url] = await waitFor(gateway.output, /Flowdoctor playground: (http:\/\/\S+)\/playground/);
  return { ...gateway, exited, url: url as string };
};

describe("one DATA_DIR, one gateway", () => {
  const running: ChildProcess[] = [];
  let dataDir = "";
  // In a hook, not `finally`: a test that times out must not leave gateways running.
  afterEach(async () => {
    for (const child of running.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    if (dataDir !== "") await rm(dataDir, { recursive: true, force: true });
  });

  it("refuses a second gateway in one line, keeps the tickets, and takes over the lock of a killed one", async () => {
    dataDir = await mkdtemp(join(tmpdir(), "fd-cmd-data-"));
    const lockFile = join(dataDir, "pglite.lock");
    const ticketIn = async (url: string, id: string) =>
      (await graphql(url, `{ ticket(id: "${id}") { id } }`)).ticket?.id;
    const first = await serve(dataDir);
    running.push(first.child);
    const created = await graphql(
      first.url,
      `mutation { createTicketDraft(input: { title: "Kept" }) { id } }`,
    );
    const id = created.createTicketDraft?.id as string;

    const second = run({ DATA_DIR: dataDir });
    running.push(second.child);
    const [code] = (await once(second.child, "exit")) as [number];
    expect(code).toBe(1);
    const lines = second.output().trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^flowdoctor-gateway: GATEWAY_STORE_LOCKED: DATA_DIR ${dataDir} is in use by another gateway \\(pid ${first.child.pid} on `,
      ),
    );
    expect(await ticketIn(first.url, id)).toBe(id);

    first.child.kill("SIGTERM");
    expect((await first.exited)[0]).toBe(0);
    expect(existsSync(lockFile)).toBe(false);

    const restarted = await serve(dataDir);
    running.push(restarted.child);
    expect(await ticketIn(restarted.url, id)).toBe(id);
    restarted.child.kill("SIGKILL");
    await restarted.exited;
    expect(existsSync(lockFile)).toBe(true);

    const after = await serve(dataDir);
    running.push(after.child);
    expect(after.output()).toContain("took over the embedded store's lock");
    expect(await ticketIn(after.url, id)).toBe(id);
    after.child.kill("SIGTERM");
    expect((await after.exited)[0]).toBe(0);

    // A damaged store: one line, not PGlite's minified source.
    await writeFile(join(dataDir, "pglite", "global", "pg_control"), Buffer.alloc(100, 7));
    const damaged = run({ DATA_DIR: dataDir });
    running.push(damaged.child);
    expect(((await once(damaged.child, "exit")) as [number])[0]).toBe(1);
    expect(damaged.output().trim().split("\n")).toEqual([
      expect.stringMatching(
        new RegExp(
          `^flowdoctor-gateway: GATEWAY_START_FAILED: the embedded ticket store in DATA_DIR ${dataDir} could not be opened: PGlite could not open .*Aborted`,
        ),
      ),
    ]);
  }, 180_000);
});
