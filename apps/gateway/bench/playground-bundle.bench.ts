// The playground's bundle (the console and GraphiQL) as the gateway serves it, gzipped: everything in
// dist/playground, and the part the first view loads. Prints each beside the 1.5 MB budget; it never fails.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";
import { DEFAULT_PLAYGROUND_DIR } from "../src/http/playground-files.js";

const BUDGET_BYTES = 1.5 * 1024 * 1024;

const filesUnder = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(folder, entry.name)) : [join(folder, entry.name)],
  );

const gzipped = (file: string): number => gzipSync(readFileSync(file), { level: 9 }).length;
const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(0)} kB`;
const line = (label: string, bytes: number): string =>
  `${label.padEnd(44)} ${kilobytes(bytes).padStart(8)}  ${(bytes / BUDGET_BYTES).toFixed(2)} × budget`;

if (!existsSync(join(DEFAULT_PLAYGROUND_DIR, "index.html"))) {
  console.log("dist/playground is missing: run `pnpm --filter @flowdoctor/gateway build` first");
} else {
  const files = filesUnder(DEFAULT_PLAYGROUND_DIR);
  const sizes = new Map(files.map((file) => [file, gzipped(file)]));
  const page = readFileSync(join(DEFAULT_PLAYGROUND_DIR, "index.html"), "utf8");
  const firstView = [...page.matchAll(/(?:src|href)="\/playground\/([^"]+)"/g)].map((match) =>
    join(DEFAULT_PLAYGROUND_DIR, match[1] ?? ""),
  );
  const sum = (list: readonly string[]) => list.reduce((total, file) => total + (sizes.get(file) ?? 0), 0);
  console.log(
    line(
      "first view (index.html and what it links)",
      sum([join(DEFAULT_PLAYGROUND_DIR, "index.html"), ...firstView]),
    ),
  );
  console.log(line(`everything in dist/playground (${files.length} files)`, sum(files)));
  console.log("largest files:");
  for (const [file, size] of [...sizes].sort((a, b) => b[1] - a[1]).slice(0, 6))
    console.log(`  ${relative(DEFAULT_PLAYGROUND_DIR, file).padEnd(42)} ${kilobytes(size).padStart(8)}`);
}
