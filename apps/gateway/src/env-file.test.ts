import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("..", import.meta.url));
const repositoryRoot = join(packageDir, "..", "..");
const tsxLoader = pathToFileURL(
  join(
    dirname(createRequire(join(packageDir, "package.json")).resolve("tsx/package.json")),
    "dist/loader.mjs",
  ),
).href;

/** Runs a gateway entry point from `cwd`, with only the given environment; collects stdout and stderr. */
const run = (cwd: string, script: string, env: Record<string, string>) => {
  const child = spawn(process.execPath, ["--import", tsxLoader, join(packageDir, script)], {
    cwd,
    // tsx looks for the decorator settings beside the working directory unless told where they are.
    env: { PATH: process.env.PATH ?? "", TSX_TSCONFIG_PATH: join(packageDir, "tsconfig.json"), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  for (const stream of [child.stdout, child.stderr]) stream?.on("data", (chunk) => (text += String(chunk)));
  return { child, output: () => text };
};

const exitOf = async (child: ChildProcess): Promise<number> => ((await once(child, "exit")) as [number])[0];

describe("issue 15: the gateway reads a .env file and checks its configuration first", () => {
  let folder = "";
  const running: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of running.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
    await rm(folder, { recursive: true, force: true });
  });

  it("takes settings from .env, real variables winning, and names the file read but none of its values", async () => {
    folder = await mkdtemp(join(tmpdir(), "fd-dotenv-"));
    const secret = "never-print-this-value-7f3a";
    await writeFile(join(folder, ".env"), `PORT=-1\nDATA_DIR=memory://\nSMTP_PASSWORD_HINT=${secret}\n`);
    const gateway = run(folder, "src/main.ts", { PORT: "0" });
    running.push(gateway.child);
    for (let attempt = 0; attempt < 1200 && !gateway.output().includes("\n\n"); attempt += 1)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(gateway.output()).toContain(`Settings:              environment + ${join(folder, ".env")}\n`);
    expect(gateway.output()).toContain("Tickets:               PGlite at memory://");
    expect(gateway.output()).toContain(`"envFiles":["${join(folder, ".env")}"]`);
    expect(gateway.output()).not.toContain(secret);
    gateway.child.kill("SIGTERM");
    expect(await exitOf(gateway.child)).toBe(0);
  }, 90_000);

  it("fails on a bad .env setting in one line, before it opens anything", async () => {
    folder = await mkdtemp(join(tmpdir(), "fd-dotenv-"));
    await writeFile(join(folder, ".env"), "MAX_PAGE_SIZE=lots\n");
    const check = run(folder, "src/main.ts", {});
    expect(await exitOf(check.child)).toBe(1);
    expect(check.output()).toBe(
      'flowdoctor-gateway: invalid configuration: MAX_PAGE_SIZE must be an integer from 1 to 1000 (got "lots") (every variable: apps/gateway/.env.example)\n',
    );
  });

  it("pnpm start checks the configuration before it builds anything", async () => {
    folder = await mkdtemp(join(tmpdir(), "fd-dotenv-"));
    const start = spawn("pnpm", ["--silent", "start"], {
      cwd: repositoryRoot,
      env: { PATH: process.env.PATH ?? "", TURBO_TELEMETRY_DISABLED: "1", PORT: "-1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    running.push(start);
    let text = "";
    for (const stream of [start.stdout, start.stderr]) stream?.on("data", (chunk) => (text += String(chunk)));
    expect(await exitOf(start)).not.toBe(0);
    expect(text).toMatch(
      /^flowdoctor-gateway: invalid configuration: PORT must be an integer from 0 to 65535/,
    );
    expect(text).not.toContain("turbo");
  }, 60_000);
});
