// Runs every `*.bench.ts` in this folder in turn; each prints its figures beside a baseline from the same run.
import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

const folder = fileURLToPath(new URL(".", import.meta.url));
for (const file of readdirSync(folder)
  .filter((name) => name.endsWith(".bench.ts"))
  .sort()) {
  console.log(`\n# ${file}`);
  await import(new URL(file, import.meta.url).href);
}
