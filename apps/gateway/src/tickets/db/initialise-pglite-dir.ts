import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

// PGlite's initdb runs a second WASM PostgreSQL beside the first and snapshots its heap: about 700 MB resident that
// WebAssembly memory never gives back. In a child process that exits, the gateway itself never holds it.
const INITDB_SCRIPT = `
const { PGlite } = await import(process.env.PGLITE_MODULE);
const db = await PGlite.create(process.env.PGLITE_DIR);
await db.close();
`;

/** True when `dataDir` holds a PostgreSQL data directory already. */
export const pgliteDirInitialised = (dataDir: string): boolean => existsSync(join(dataDir, "PG_VERSION"));

const pgliteModuleUrl = (): string =>
  pathToFileURL(createRequire(import.meta.url).resolve("@electric-sql/pglite")).href;

/**
 * Creates PGlite's database in the on-disk folder `dataDir` when it holds none, in a child process that exits
 * afterwards; a folder initialised before is left as it is.
 */
export const initialisePgliteDir = async (dataDir: string): Promise<void> => {
  if (pgliteDirInitialised(dataDir)) return;
  const child = spawn(process.execPath, ["--input-type=module", "--eval", INITDB_SCRIPT], {
    env: { PATH: process.env.PATH ?? "", PGLITE_MODULE: pgliteModuleUrl(), PGLITE_DIR: dataDir },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (chunk) => {
    if (stderr.length < 4000) stderr += String(chunk);
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", resolve);
  });
  if (code !== 0) {
    const reason = stderr.trim().split("\n").slice(-3).join(" ").slice(0, 500);
    throw new Error(`initdb in ${dataDir} failed (exit ${code}): ${reason}`);
  }
};
