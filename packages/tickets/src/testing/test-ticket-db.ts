import { randomBytes } from "node:crypto";
import { type MigrationFolder, migrateDb, TICKET_MIGRATIONS } from "../db/migrate.js";
import { openTicketDb, type TicketDatabase } from "../db/open-ticket-db.js";

/** The PostgreSQL URL CI sets; tests on PostgreSQL are skipped without it. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

/** The backends a test file runs against: PGlite always, PostgreSQL when `TEST_DATABASE_URL` is set. */
export const TEST_BACKENDS: readonly ("pglite" | "postgres")[] =
  TEST_DATABASE_URL === undefined ? ["pglite"] : ["pglite", "postgres"];

/** A migrated test database with a `drop` that removes what the test created. */
export interface TestTicketDb extends TicketDatabase {
  /** Closes the database and, on PostgreSQL, drops its schema. */
  drop(): Promise<void>;
}

/** A fresh schema name, so parallel test files never share tables. */
export const freshSchemaName = (): string => `fd_test_${randomBytes(6).toString("hex")}`;

/** Opens and migrates (the ticket store's folder unless told others) a throwaway database: PGlite in memory, or an own schema on PostgreSQL. */
export const openTestTicketDb = async (
  backend: "pglite" | "postgres",
  options: { schema?: string; dataDir?: string; migrations?: readonly MigrationFolder[] } = {},
): Promise<TestTicketDb> => {
  const schema = options.schema ?? freshSchemaName();
  const database =
    backend === "pglite"
      ? await openTicketDb({ dataDir: options.dataDir ?? "memory://" })
      : await openTicketDb({ databaseUrl: TEST_DATABASE_URL as string, schema });
  await migrateDb(database, options.migrations ?? [TICKET_MIGRATIONS]);
  const drop = async () => {
    if (backend === "postgres")
      await database.withSession((s) => s.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
    await database.close();
  };
  return { ...database, drop };
};
