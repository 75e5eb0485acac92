import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { initialisePgliteDir, pgliteDirInitialised } from "./initialise-pglite-dir.js";

describe("initialisePgliteDir", () => {
  let folder: string;
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), "fd-initdb-"));
  });
  afterEach(async () => {
    await rm(folder, { recursive: true, force: true });
  });

  it("creates the database in a child process, moved into place whole, which PGlite then opens", async () => {
    const dataDir = join(folder, "pglite");
    await mkdir(dataDir); // as the lock step leaves it
    // What a start killed during initdb leaves: never mistaken for a database, removed by the next start.
    await mkdir(`${dataDir}.initdb-99999`);
    await writeFile(join(`${dataDir}.initdb-99999`, "PG_VERSION"), "17");
    expect(pgliteDirInitialised(dataDir)).toBe(false);
    await initialisePgliteDir(dataDir);
    expect(pgliteDirInitialised(dataDir)).toBe(true);
    expect(await readdir(folder)).toEqual(["pglite"]);
    const created = (await stat(join(dataDir, "PG_VERSION"))).mtimeMs;

    await initialisePgliteDir(dataDir);
    expect((await stat(join(dataDir, "PG_VERSION"))).mtimeMs).toBe(created);
    const db = await PGlite.create(dataDir);
    try {
      expect((await db.query<{ one: number }>("SELECT 1 AS one")).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  });

  it("fails naming the folder when the child cannot create it", async () => {
    const notAFolder = join(folder, "file");
    await writeFile(notAFolder, "x");
    await expect(initialisePgliteDir(join(notAFolder, "pglite"))).rejects.toThrow(
      new RegExp(`^initdb for ${notAFolder}/pglite failed \\(exit 1\\)`),
    );
  });
});
