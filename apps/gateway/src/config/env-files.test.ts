import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { findEnvFiles, loadEnvFiles } from "./env-files.js";

describe("the gateway's .env files", () => {
  let root = "";
  let gatewayDir = "";
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "fd-env-"));
    gatewayDir = join(root, "apps", "gateway");
    mkdirSync(gatewayDir, { recursive: true });
    writeFileSync(join(root, "pnpm-workspace.yaml"), "packages: []\n");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("reads the gateway's and the repository root's, the nearer and the real environment winning", () => {
    writeFileSync(join(gatewayDir, ".env"), "PORT=4100\nLOG_LEVEL=debug\n");
    writeFileSync(join(root, ".env"), "PORT=4200\nMAX_PAGE_SIZE=50\nHOST=0.0.0.0\n");
    const env: Record<string, string | undefined> = { LOG_LEVEL: "warn", HOST: "" };
    const files = loadEnvFiles(gatewayDir, env);
    expect(files).toEqual([join(gatewayDir, ".env"), join(root, ".env")]);
    expect(env).toEqual({ PORT: "4100", LOG_LEVEL: "warn", MAX_PAGE_SIZE: "50", HOST: "" });
  });

  it("reads the working directory's alone outside a repository, and nothing when there is none", () => {
    rmSync(join(root, "pnpm-workspace.yaml"));
    writeFileSync(join(root, ".env"), "PORT=4200\n");
    expect(findEnvFiles(gatewayDir)).toEqual([]);
    expect(findEnvFiles(root)).toEqual([join(root, ".env")]);
  });

  it("reads a file once when the gateway runs from the repository root", () => {
    writeFileSync(join(root, ".env"), "PORT=4200\n");
    expect(findEnvFiles(root)).toEqual([join(root, ".env")]);
  });
});
