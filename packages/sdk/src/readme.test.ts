import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayFixture, startGatewayFixture } from "./testing/gateway-fixture.js";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** The README's first TypeScript block, importing this package's source instead of the built package. */
const readmeExample = (): string => {
  const readme = readFileSync(join(packageDir, "README.md"), "utf8");
  const block = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error("README.md has no ts block");
  const entry = pathToFileURL(join(packageDir, "src", "index.ts")).href;
  return block.replace(`from "@flowdoctor/sdk"`, `from ${JSON.stringify(entry)}`);
};

describe("the README's SDK example", () => {
  let env: GatewayFixture;
  let folder: string;

  beforeAll(async () => {
    env = await startGatewayFixture();
    folder = mkdtempSync(join(tmpdir(), "sdk-readme-"));
  });
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await env?.close();
  });

  it("runs as written against a gateway and prints diagnoses of platform-level problems", async () => {
    const file = join(folder, "example.mts");
    writeFileSync(file, readmeExample());
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", file], {
      cwd: packageDir,
      env: { ...process.env, FLOWDOCTOR_URL: env.gateway.graphqlUrl },
      timeout: 60_000,
    });
    expect(stderr).toBe("");
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toBe(`signed in as ${env.user("alice").email}`);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => / \/ .+: /.test(line))).toBe(true);
  });
});
