import { readdirSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshSchemaName, TEST_DATABASE_URL } from "../testing/test-ticket-db.js";
import { MIGRATIONS_DIR, migrateDb, migrateTicketDb, TICKET_MIGRATIONS } from "./migrate.js";
import { openTicketDb } from "./open-ticket-db.js";

/** The ticket store's own migration files, in order. */
const TICKET_FILES = readdirSync(MIGRATIONS_DIR)
  .filter((name) => name.endsWith(".sql"))
  .sort();

describe("migrations on PGlite", () => {
  const folders: string[] = [];
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it("applies each file once and keeps the data in the folder across restarts", async () => {
    const folder = await mkdtemp(join(tmpdir(), "fd-pglite-"));
    folders.push(folder);
    const first = await openTicketDb({ dataDir: folder });
    expect((await migrateTicketDb(first)).applied).toEqual(TICKET_FILES);
    await first.withSession((s) =>
      s.exec("INSERT INTO tickets (id, owner_user_id) VALUES ('00000000-0000-4000-8000-000000000001', 'u')"),
    );
    await first.close();
    const second = await openTicketDb({ dataDir: folder });
    expect(await migrateTicketDb(second)).toEqual({ applied: [], skipped: TICKET_FILES });
    const rows = await second.withSession((s) => s.query<{ number: number }>("SELECT number FROM tickets"));
    expect(rows).toEqual([{ number: 1001 }]);
    // Small shared buffers keep the embedded store's memory low, on every open.
    const buffers = await second.withSession((s) =>
      s.query<{ shared_buffers: string }>("SHOW shared_buffers"),
    );
    expect(buffers).toEqual([{ shared_buffers: "8MB" }]);
    await second.close();
  });
});

describe("migrations of several packages", () => {
  it("applies the folders in order, each recording its files in its own table", async () => {
    const folder = await mkdtemp(join(tmpdir(), "fd-migrations-"));
    // Refers to the ticket store's table, so it only succeeds when the tickets folder ran first.
    await writeFile(
      join(folder, "0001_notes.sql"),
      "CREATE TABLE notes (ticket_id uuid REFERENCES tickets (id));",
    );
    await writeFile(join(folder, "0002_more.sql"), "ALTER TABLE notes ADD COLUMN text text;");
    const database = await openTicketDb({ dataDir: "memory://" });
    try {
      const folders = [TICKET_MIGRATIONS, { table: "notes_migrations", dir: folder }];
      expect((await migrateDb(database, folders)).applied).toEqual([
        ...TICKET_FILES,
        "0001_notes.sql",
        "0002_more.sql",
      ]);
      expect((await migrateDb(database, folders)).applied).toEqual([]);
      const rows = await database.withSession((s) =>
        s.query<{ name: string }>("SELECT name FROM notes_migrations ORDER BY name"),
      );
      expect(rows.map((row) => row.name)).toEqual(["0001_notes.sql", "0002_more.sql"]);
      await expect(migrateDb(database, [{ table: "bad name; drop", dir: folder }])).rejects.toThrow(
        /not a plain SQL name/,
      );
    } finally {
      await database.close();
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe.skipIf(TEST_DATABASE_URL === undefined)("migrations on PostgreSQL", () => {
  it("lets several replicas start together: the advisory lock applies each file exactly once", async () => {
    const schema = freshSchemaName();
    const replicas = await Promise.all(
      [1, 2, 3].map(() => openTicketDb({ databaseUrl: TEST_DATABASE_URL as string, schema })),
    );
    try {
      const results = await Promise.all(replicas.map((replica) => migrateTicketDb(replica)));
      expect(results.flatMap((result) => result.applied)).toEqual(TICKET_FILES);
      const names = await replicas[0]?.withSession((s) =>
        s.query<{ name: string }>("SELECT name FROM ticket_migrations ORDER BY name"),
      );
      expect(names?.map((row) => row.name).sort()).toEqual(TICKET_FILES);
      expect(replicas[0]?.location).not.toContain("@");
    } finally {
      await replicas[0]?.withSession((s) => s.exec(`DROP SCHEMA ${schema} CASCADE`));
      await Promise.all(replicas.map((replica) => replica.close()));
    }
  });
});
