import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { SqlSession, TicketDatabase } from "./open-ticket-db.js";

/** The folder of plain SQL migrations, `apps/gateway/migrations` (the same depth from `src/` and `dist/`). */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../../migrations/", import.meta.url));

// Any constant works; it only has to be the same in every replica and differ from other users of the lock.
const MIGRATION_LOCK_KEY = 4_217_001;

/** What {@link migrateTicketDb} did. */
export interface MigrationResult {
  /** Migration files applied now, in order. */
  readonly applied: readonly string[];
  /** Files that had been applied before. */
  readonly skipped: readonly string[];
}

const pendingFiles = async (session: SqlSession, dir: string) => {
  await session.exec(
    "CREATE TABLE IF NOT EXISTS ticket_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())",
  );
  const done = new Set(
    (await session.query<{ name: string }>("SELECT name FROM ticket_migrations")).map((row) => row.name),
  );
  const files = (await readdir(dir)).filter((name) => name.endsWith(".sql")).sort();
  return { files, done };
};

const applyOne = async (session: SqlSession, dir: string, name: string) => {
  const text = await readFile(`${dir}/${name}`, "utf8");
  await session.exec("BEGIN");
  try {
    await session.exec(text);
    await session.query("INSERT INTO ticket_migrations (name) VALUES ($1)", [name]);
    await session.exec("COMMIT");
  } catch (error) {
    await session.exec("ROLLBACK");
    throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
  }
};

/**
 * Applies the SQL files of `dir` not applied yet, each in its own transaction, in file-name order. Holds a
 * PostgreSQL advisory lock meanwhile, so replicas starting together apply each file exactly once.
 */
export const migrateTicketDb = (database: TicketDatabase, dir = MIGRATIONS_DIR): Promise<MigrationResult> =>
  database.withSession(async (session) => {
    await session.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      if (database.schema !== undefined) await session.exec(`CREATE SCHEMA IF NOT EXISTS ${database.schema}`);
      const { files, done } = await pendingFiles(session, dir);
      const applied: string[] = [];
      for (const name of files.filter((file) => !done.has(file))) {
        await applyOne(session, dir, name);
        applied.push(name);
      }
      return { applied, skipped: files.filter((file) => done.has(file)) };
    } finally {
      await session.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  });
