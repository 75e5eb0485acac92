import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFlowdoctorClient } from "./client.js";
import { type GatewayFixture, startGatewayFixture } from "./testing/gateway-fixture.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

/** The root README's "Live updates" TypeScript block, importing this package's source instead of the built package. */
const liveExample = (): string => {
  const readme = readFileSync(join(packageDir, "..", "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Live updates"));
  const block = /```ts\n([\s\S]*?)```/.exec(section)?.[1];
  if (!block) throw new Error("README.md's Live updates section has no ts block");
  const entry = pathToFileURL(join(packageDir, "src", "index.ts")).href;
  return block.replace(`from "@flowdoctor/sdk"`, `from ${JSON.stringify(entry)}`);
};

describe("the root README's live-updates example", () => {
  let env: GatewayFixture;
  let folder: string;

  beforeAll(async () => {
    env = await startGatewayFixture({ LIVE_POLL_MS: "100" });
    // Inside the package, so the example's `ws` import resolves as it would in a project depending on it.
    folder = mkdtempSync(join(packageDir, ".readme-live-"));
  });
  afterAll(async () => {
    rmSync(folder, { recursive: true, force: true });
    await env?.close();
  });

  it("runs as written and prints the events that happen while it listens", async () => {
    const alice = env.user("alice");
    const workspaceId = env.emulator.scenario.workspaces.find((ws) => ws.name === "Acme Production")
      ?.id as string;
    const file = join(folder, "live.mts");
    writeFileSync(file, liveExample());
    const child = spawn(process.execPath, ["--import", "tsx", file], {
      cwd: packageDir,
      env: {
        ...process.env,
        FLOWDOCTOR_URL: env.gateway.graphqlUrl,
        FLOWDOCTOR_WORKSPACE: workspaceId,
        WATCH_SECONDS: "8",
      },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on("data", (chunk) => {
      stderr += String(chunk);
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const deadline = Date.now() + 20_000;
    while (env.gateway.live.feed.subscriberCount() === 0 && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 50));

    const client = createFlowdoctorClient({
      url: env.gateway.graphqlUrl,
      email: alice.email,
      apiKey: alice.apiKey,
    });
    const { data } = await client.errorGroups({ workspaceId, first: 1 });
    const fingerprint = data.nodes[0]?.fingerprint as string;
    await client.setErrorGroupState({ input: { workspaceId, fingerprint, state: "RESOLVED" } });
    await client.close();

    expect(await exited).toBe(0);
    expect(stderr).toBe("");
    expect(stdout.trim().split("\n")).toEqual([expect.stringMatching(/ STATE_CHANGED .+ -> RESOLVED$/)]);
  }, 40_000);
});
