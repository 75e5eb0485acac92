// The playground's bundle (the console and GraphiQL) as the gateway serves it, gzipped: everything in
// dist/playground, and the part the first view loads. Prints each beside the 1.5 MB budget; it never fails
// (`src/playground/bundle-size.test.ts` holds the budget).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { DEFAULT_PLAYGROUND_DIR } from "../src/http/playground-files.js";
import { BUNDLE_BUDGET_BYTES, measureBundle } from "../src/testing/playground-bundle.js";

const kilobytes = (bytes: number): string => `${(bytes / 1000).toFixed(0)} kB`;
const line = (label: string, bytes: number): string =>
  `${label.padEnd(44)} ${kilobytes(bytes).padStart(8)}  ${(bytes / BUNDLE_BUDGET_BYTES).toFixed(2)} × budget`;

if (!existsSync(join(DEFAULT_PLAYGROUND_DIR, "index.html"))) {
  console.log("dist/playground is missing: run `pnpm --filter @flowdoctor/gateway build` first");
} else {
  const bundle = measureBundle(DEFAULT_PLAYGROUND_DIR);
  console.log(line("first view (index.html and what it links)", bundle.firstView));
  console.log(line(`everything in dist/playground (${bundle.files.length} files)`, bundle.total));
  console.log("largest files:");
  for (const [file, size] of bundle.files.slice(0, 6))
    console.log(`  ${file.padEnd(42)} ${kilobytes(size).padStart(8)}`);
}
