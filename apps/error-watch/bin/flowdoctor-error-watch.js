#!/usr/bin/env node
// Committed beside the built code so that installing links the command before anything is built.
import { existsSync } from "node:fs";

const built = new URL("../dist/main.js", import.meta.url);
if (!existsSync(built)) {
  process.stderr.write(
    "flowdoctor-error-watch: not built yet; run `pnpm build` at the repository root first.\n",
  );
  process.exit(1);
}
await import(built.href);
