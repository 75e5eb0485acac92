import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { readdir, rename, rm, rmdir } from "node:fs/promises";
import { createRequire } from "node:module";
import { basename, dirname, join } from "node:path";
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

/** Runs PGlite's initdb for `target` in `folder`, in a child process. */
const runInitdb = async (folder: string, target: string): Promise<void> => {
  const child = spawn(process.execPath, ["--input-type=module", "--eval", INITDB_SCRIPT], {
    env: { PATH: process.env.PATH ?? "", PGLITE_MODULE: pgliteModuleUrl(), PGLITE_DIR: folder },
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
    await rm(folder, { recursive: true, force: true }).catch(() => undefined);
    throw new Error(`initdb for ${target} failed (exit ${code}): ${reason}`);
  }
};

/** Removes what earlier starts left of their initdb folders (a start killed during initdb). */
const removeUnfinished = async (dataDir: string): Promise<void> => {
  const prefix = `${basename(dataDir)}.initdb-`;
  const siblings = await readdir(dirname(dataDir)).catch(() => [] as string[]);
  for (const name of siblings.filter((sibling) => sibling.startsWith(prefix)))
    await rm(join(dirname(dataDir), name), { recursive: true, force: true });
};

/**
 * Creates PGlite's database in the on-disk folder `dataDir` when it holds none, in a child process that exits
 * afterwards; a folder initialised before is left as it is. The database is built in a sibling folder and moved into
 * place when complete, so a start killed meanwhile leaves no half-made database behind. The caller holds the
 * folder's lock.
 */
export const initialisePgliteDir = async (dataDir: string): Promise<void> => {
  if (pgliteDirInitialised(dataDir)) return;
  await removeUnfinished(dataDir);
  const building = `${dataDir}.initdb-${process.pid}`;
  await runInitdb(building, dataDir);
  // rename() replaces an empty folder (the lock step creates `dataDir`) but never a non-empty one.
  await rmdir(dataDir).catch(() => undefined);
  await rename(building, dataDir);
};
