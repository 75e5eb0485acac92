import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { SqlSession, TicketDatabase } from "./open-ticket-db.js";

/** The folder of the ticket store's plain SQL migrations, `packages/tickets/migrations` (the same depth from `src/` and `dist/`). */
export const MIGRATIONS_DIR = fileURLToPath(new URL("../../migrations/", import.meta.url));

/** One package's folder of plain SQL migrations and the table that records which of its files ran. */
export interface MigrationFolder {
  /** A lower-case SQL name, e.g. `ticket_migrations`; each package has its own. */
  readonly table: string;
  readonly dir: string;
}

/** The ticket store's migrations; other packages' folders run after it (they may refer to its tables). */
export const TICKET_MIGRATIONS: MigrationFolder = { table: "ticket_migrations", dir: MIGRATIONS_DIR };

// Any constant works; it only has to be the same in every replica and differ from other users of the lock.
const MIGRATION_LOCK_KEY = 4_217_001;

/** What {@link migrateDb} did. */
export interface MigrationResult {
  /** Migration files applied now, in order. */
  readonly applied: readonly string[];
  /** Files that had been applied before. */
  readonly skipped: readonly string[];
}

const TABLE_NAME = /^[a-z][a-z0-9_]*$/;

const pendingFiles = async (session: SqlSession, { table, dir }: MigrationFolder) => {
  if (!TABLE_NAME.test(table))
    throw new Error(`migration table ${JSON.stringify(table)} is not a plain SQL name`);
  await session.exec(
    `CREATE TABLE IF NOT EXISTS ${table} (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const done = new Set(
    (await session.query<{ name: string }>(`SELECT name FROM ${table}`)).map((row) => row.name),
  );
  const files = (await readdir(dir)).filter((name) => name.endsWith(".sql")).sort();
  return { files, done };
};

const applyOne = async (session: SqlSession, { table, dir }: MigrationFolder, name: string) => {
  const text = await readFile(`${dir}/${name}`, "utf8");
  await session.exec("BEGIN");
  try {
    await session.exec(text);
    await session.query(`INSERT INTO ${table} (name) VALUES ($1)`, [name]);
    await session.exec("COMMIT");
  } catch (error) {
    await session.exec("ROLLBACK");
    throw new Error(`migration ${name} failed: ${(error as Error).message}`, { cause: error });
  }
};

const migrateFolder = async (session: SqlSession, folder: MigrationFolder): Promise<MigrationResult> => {
  const { files, done } = await pendingFiles(session, folder);
  const applied: string[] = [];
  for (const name of files.filter((file) => !done.has(file))) {
    await applyOne(session, folder, name);
    applied.push(name);
  }
  return { applied, skipped: files.filter((file) => done.has(file)) };
};

/**
 * Applies the SQL files not applied yet, folder after folder, each file in its own transaction and in file-name
 * order within its folder. Holds a PostgreSQL advisory lock meanwhile, so replicas starting together apply each file
 * exactly once.
 */
export const migrateDb = (
  database: TicketDatabase,
  folders: readonly MigrationFolder[] = [TICKET_MIGRATIONS],
): Promise<MigrationResult> =>
  database.withSession(async (session) => {
    await session.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    try {
      if (database.schema !== undefined) await session.exec(`CREATE SCHEMA IF NOT EXISTS ${database.schema}`);
      const applied: string[] = [];
      const skipped: string[] = [];
      for (const folder of folders) {
        const result = await migrateFolder(session, folder);
        applied.push(...result.applied);
        skipped.push(...result.skipped);
      }
      return { applied, skipped };
    } finally {
      await session.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
    }
  });

/** Applies the ticket store's own migrations from `dir` (see {@link migrateDb}). */
export const migrateTicketDb = (database: TicketDatabase, dir = MIGRATIONS_DIR): Promise<MigrationResult> =>
  migrateDb(database, [{ ...TICKET_MIGRATIONS, dir }]);
