import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, posix, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { publishProblems } from "../scripts/check-publishable.js";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");

/** Every file under a folder, as paths relative to it with forward slashes. */
const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split("\\").join("/"));

/** What should ship: one .js and one .d.ts per source module, without tests and test helpers. */
const expectedFiles = (): string[] => {
  const modules = filesUnder(join(packageDir, "src")).filter(
    (file) => file.endsWith(".ts") && !file.endsWith(".test.ts") && !file.split("/").includes("testing"),
  );
  const built = modules.flatMap((file) => {
    const stem = `dist/${file.slice(0, -".ts".length)}`;
    return [`${stem}.js`, `${stem}.d.ts`];
  });
  return ["CHANGELOG.md", "LICENSE", "README.md", "package.json", ...built].sort();
};

/** Import specifiers of an ES module or declaration file: static, re-exports and dynamic. */
const specifiersOf = (code: string): string[] =>
  [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g)].map((match) => match[1] ?? "");

describe("the published package", () => {
  let copy: string;
  let packed: string[];

  // The package is copied, built and packed in a folder of its own, so a stale dist/ cannot hide a problem.
  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), "sdk-pack-"));
    cpSync(packageDir, copy, {
      recursive: true,
      filter: (source) => !/[\\/](node_modules|dist|\.turbo)$/.test(source),
    });
    const build = ["-p", join(packageDir, "tsconfig.build.json"), "--outDir", join(copy, "dist")];
    await run(process.execPath, [tsc, ...build], { cwd: packageDir });
    const { stdout } = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: copy });
    const [report] = JSON.parse(stdout) as [{ files: { path: string }[] }];
    packed = report.files.map((file) => file.path).sort();
  }, 120_000);
  afterAll(() => {
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it("ships the built modules, their types, README, LICENSE and CHANGELOG, and nothing else", () => {
    expect(packed).toEqual(expectedFiles());
  });

  it("imports only its own files at run time, and graphql-ws for subscriptions: no node: built-ins, no undici", () => {
    const outside = packed
      .filter((file) => file.endsWith(".js") || file.endsWith(".d.ts"))
      .flatMap((file) =>
        specifiersOf(readFileSync(join(copy, file), "utf8"))
          .filter((specifier) => !specifier.startsWith("."))
          .map((specifier) => `${file} -> ${specifier}`),
      );
    // Types only: the document decoration the generated documents implement.
    const typesOnly = ["@graphql-typed-document-node/core"];
    // The WebSocket protocol's client (itself without dependencies), loaded only by the subscriptions' module.
    const liveOnly = (edge: string) =>
      edge.startsWith("dist/live/subscriptions.") && edge.endsWith(" -> graphql-ws");
    const others = outside.filter((edge) => !liveOnly(edge));
    expect(others.filter((edge) => !typesOnly.some((name) => edge.endsWith(` -> ${name}`)))).toEqual([]);
    expect(others.every((edge) => edge.split(" -> ")[0]?.endsWith(".d.ts"))).toBe(true);
  });

  it("resolves every relative import to a packed file", () => {
    const missing = packed
      .filter((file) => file.endsWith(".js"))
      .flatMap((file) =>
        specifiersOf(readFileSync(join(copy, file), "utf8"))
          .filter((specifier) => specifier.startsWith("."))
          .map((specifier) => posix.join(posix.dirname(file), specifier))
          .filter((target) => !packed.includes(target)),
      );
    expect(missing).toEqual([]);
  });

  it("uses no Node-only global in its code or types", () => {
    const nodeOnly = /\b(?:Buffer|process|require|__dirname|__filename)\b|\bglobal\.|reference types="node"/;
    const offenders = packed
      .filter((file) => file.endsWith(".js") || file.endsWith(".d.ts"))
      .filter((file) => nodeOnly.test(readFileSync(join(copy, file), "utf8")));
    expect(offenders).toEqual([]);
  });

  it("declares what a registry and bundlers need", () => {
    const manifest = JSON.parse(readFileSync(join(copy, "package.json"), "utf8")) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      license: "MIT",
      sideEffects: false,
      type: "module",
      exports: { ".": { types: "./dist/index.d.ts", default: "./dist/index.js" } },
      publishConfig: { access: "public", provenance: true },
      engines: { node: expect.any(String) },
    });
    // No real repository URL is known yet; a made-up one would make provenance lie, so there is none.
    expect(manifest.repository).toBeUndefined();
    expect(manifest.private).toBeUndefined();
    expect(Object.keys((manifest.dependencies as object | undefined) ?? {})).toEqual([
      "@graphql-typed-document-node/core",
      "graphql-ws",
    ]);
  });
});

describe("publishing", () => {
  const manifest = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8")) as Record<
    string,
    unknown
  >;

  it("is refused until package.json names the real repository, as provenance needs", async () => {
    expect(publishProblems(manifest)).toEqual([
      expect.stringContaining('"repository.url"'),
      expect.stringContaining('"repository.directory"'),
    ]);
    const failure = await run("pnpm", ["run", "--silent", "prepublishOnly"], { cwd: packageDir }).catch(
      (error: unknown) => error,
    );
    expect((failure as { code?: number; stderr?: string }).code).toBe(1);
    expect((failure as { stderr?: string }).stderr).toContain("@flowdoctor/sdk cannot be published");
    const named = {
      ...manifest,
      repository: {
        type: "git",
        url: "git+https://git.example/team/flowdoctor.git",
        directory: "packages/sdk",
      },
    };
    expect(publishProblems(named)).toEqual([]);
  });
});
