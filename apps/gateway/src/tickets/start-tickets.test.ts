import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ALICE, completeFields } from "@flowdoctor/tickets/testing";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../observability/logger.js";
import { startTickets } from "./start-tickets.js";
import { readTicketConfig } from "./ticket-config.js";

const folders: string[] = [];
const newDataDir = async (): Promise<string> => {
  const folder = await mkdtemp(join(tmpdir(), "fd-data-"));
  folders.push(folder);
  return folder;
};

const failureOf = (starting: Promise<unknown>): Promise<Error & { code: string }> =>
  starting.then(
    () => {
      throw new Error("expected the start to fail");
    },
    (error: unknown) => error as Error & { code: string },
  );

const start = (dataDir: string) =>
  startTickets({
    config: readTicketConfig({ DATA_DIR: dataDir, TICKET_WORKER: "off" }, []),
    logger: createLogger({ level: "silent" }),
  });

describe("the embedded ticket store of one DATA_DIR", () => {
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it("refuses a second opener with GATEWAY_STORE_LOCKED naming DATA_DIR; the first keeps its tickets", async () => {
    const dataDir = await newDataDir();
    const first = await start(dataDir);
    const draft = await first.service.create(ALICE, { fields: completeFields(new Date()) });
    const refused = await failureOf(start(dataDir));
    expect(refused).toMatchObject({
      code: "GATEWAY_STORE_LOCKED",
      message: expect.stringContaining(
        `DATA_DIR ${dataDir} is in use by another gateway (pid ${process.pid} on `,
      ),
    });
    expect(refused.message).not.toContain("\n");
    expect((await first.service.get(ALICE, draft.id)).id).toBe(draft.id);
    await first.close();
    expect(existsSync(join(dataDir, "pglite.lock"))).toBe(false);
    const again = await start(dataDir);
    expect((await again.service.get(ALICE, draft.id)).id).toBe(draft.id);
    await again.close();
  }, 60_000);

  it("says in one line that a damaged store could not be opened, and leaves no lock behind", async () => {
    const dataDir = await newDataDir();
    await mkdir(join(dataDir, "pglite"));
    await writeFile(join(dataDir, "pglite", "PG_VERSION"), "not a version\n");
    const failed = await failureOf(start(dataDir));
    expect(failed).toMatchObject({
      code: "GATEWAY_START_FAILED",
      message: expect.stringMatching(
        new RegExp(
          `^the embedded ticket store in DATA_DIR ${dataDir} could not be opened: PGlite could not open`,
        ),
      ),
    });
    expect(failed.message).not.toContain("\n");
    expect(existsSync(join(dataDir, "pglite.lock"))).toBe(false);
  });
});

const DATABASE_URL = process.env.TEST_DATABASE_URL;

describe.skipIf(!DATABASE_URL)("the PostgreSQL ticket store", () => {
  it("opens at most DATABASE_POOL_SIZE connections, however many queries wait", async () => {
    const name = `fd_pool_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(DATABASE_URL as string);
    url.pathname = `/${name}`;
    const tickets = await startTickets({
      config: readTicketConfig({ DATABASE_POOL_SIZE: "3", TICKET_WORKER: "off" }, []),
      databaseUrl: url.href,
      logger: createLogger({ level: "silent" }),
    });
    try {
      let peak = 0;
      const sleeping = Promise.all(
        Array.from({ length: 8 }, () =>
          tickets.database.withSession((session) => session.query("SELECT pg_sleep(0.3)")),
        ),
      );
      for (let look = 0; look < 6; look += 1) {
        const { rows } = await admin.query<{ open: string }>(
          "SELECT count(*) AS open FROM pg_stat_activity WHERE datname = $1",
          [name],
        );
        peak = Math.max(peak, Number(rows[0]?.open));
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await sleeping;
      expect(peak).toBe(3);
    } finally {
      await tickets.close();
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
