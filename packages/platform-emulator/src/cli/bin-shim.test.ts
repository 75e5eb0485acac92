import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const binPath = (): string => {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as {
    bin: Record<string, string>;
  };
  return join(packageDir, manifest.bin["flowdoctor-emulator"] ?? "");
};

describe("the flowdoctor-emulator bin (issue 15: install linked nothing before a build)", () => {
  let folder = "";
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  const runShimIn = (withBuild: boolean) => {
    folder = mkdtempSync(join(tmpdir(), "emulator-bin-"));
    mkdirSync(join(folder, "bin"));
    copyFileSync(binPath(), join(folder, "bin", "shim.js"));
    writeFileSync(join(folder, "package.json"), '{ "type": "module" }');
    if (withBuild) {
      mkdirSync(join(folder, "dist"));
      writeFileSync(
        join(folder, "dist", "cli.js"),
        'console.log("cli ran with", process.argv.slice(2).join(" "));',
      );
    }
    return spawnSync(process.execPath, [join(folder, "bin", "shim.js"), "--port", "0"], { encoding: "utf8" });
  };

  it("is a committed file outside dist/, so installing can link it before anything is built", () => {
    expect(binPath()).not.toContain(`${join(packageDir, "dist")}`);
    expect(existsSync(binPath())).toBe(true);
  });

  it("runs the built command with its arguments", () => {
    const result = runShimIn(true);
    expect(result.stdout).toBe("cli ran with --port 0\n");
    expect(result.status).toBe(0);
  });

  it("says in one line how to build when the package is not built yet", () => {
    const result = runShimIn(false);
    expect(result.stderr).toBe(
      "flowdoctor-emulator: not built yet; run `pnpm build` at the repository root first.\n",
    );
    expect(result.status).toBe(1);
  });
});
