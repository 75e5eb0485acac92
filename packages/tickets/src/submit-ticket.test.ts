import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTicketDb } from "./db/open-ticket-db.js";
import type { DeliveryChannel } from "./delivery/delivery-channel.js";
import type { TicketMessage } from "./delivery/ticket-message.js";
import { createOutboxWorker } from "./outbox/outbox-worker.js";
import { TEST_MESSAGE, testService } from "./testing/test-service.js";
import { openTestTicketDb, TEST_DATABASE_URL, type TestTicketDb } from "./testing/test-ticket-db.js";
import { ALICE, completeFields } from "./testing/ticket-fixtures.js";

interface Row {
  id: string;
  status: string;
  jobs: number;
  submitted: number;
}

describe.skipIf(TEST_DATABASE_URL === undefined)(
  "submissions while the database drops its connections",
  () => {
    let database: TestTicketDb;
    let admin: pg.Client;
    beforeAll(async () => {
      database = await openTestTicketDb("postgres");
      admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await admin.connect();
    });
    afterAll(async () => {
      await admin?.end();
      await database?.drop();
    });

    const terminateAll = () =>
      admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", [
        `flowdoctor-tickets:${database.schema}`,
      ]);

    const states = async (): Promise<Row[]> =>
      (
        await admin.query<Row>(
          `SELECT t.id, t.status,
           (SELECT count(*)::int FROM ${database.schema}.ticket_outbox o WHERE o.ticket_id = t.id) AS jobs,
           (SELECT count(*)::int FROM ${database.schema}.ticket_status_history h WHERE h.ticket_id = t.id AND h.status = 'SUBMITTED') AS submitted
         FROM ${database.schema}.tickets t`,
        )
      ).rows;

    it("loses no ticket and writes none half-way; retrying with the same keys submits each once", async () => {
      const service = testService(database.db);
      const drafts = [];
      for (let i = 0; i < 12; i += 1)
        drafts.push(await service.create(ALICE, { fields: completeFields(new Date()) }));
      const killer = (async () => {
        for (let i = 0; i < 6; i += 1) {
          await sleep(15);
          await terminateAll();
        }
      })();
      const outcomes = await Promise.allSettled(
        drafts.map((draft) => service.submit(ALICE, draft.id, `key-${draft.id}`)),
      );
      await killer;
      expect(outcomes.some((outcome) => outcome.status === "rejected")).toBe(true);
      for (const row of await states()) {
        const whole =
          row.status === "SUBMITTED"
            ? row.jobs === 1 && row.submitted === 1
            : row.jobs === 0 && row.submitted === 0;
        expect(whole, JSON.stringify(row)).toBe(true);
      }
      for (const draft of drafts) await service.submit(ALICE, draft.id, `key-${draft.id}`);
      const after = await states();
      expect(after).toHaveLength(12);
      expect(after.every((row) => row.status === "SUBMITTED" && row.jobs === 1 && row.submitted === 1)).toBe(
        true,
      );
    });

    it("delivers each ticket once with two workers on two connection pools", async () => {
      const second = await openTicketDb({
        databaseUrl: TEST_DATABASE_URL as string,
        schema: database.schema as string,
      });
      const seen: string[] = [];
      const channel: DeliveryChannel = {
        name: "mail-folder",
        target: "memory",
        deliver: async (message: TicketMessage) => {
          await sleep(5);
          seen.push(message.messageId);
        },
        close: async () => undefined,
      };
      const workers = [database.db, second.db].map((db) =>
        createOutboxWorker({ db, channel, message: TEST_MESSAGE }),
      );
      try {
        const counts = await Promise.all(workers.map((worker) => worker.drain()));
        expect(counts.reduce((a, b) => a + b, 0)).toBe(12);
        expect(seen).toHaveLength(12);
        expect(new Set(seen).size).toBe(12);
      } finally {
        await second.close();
      }
    });
  },
);

describe("submissions while the embedded database shuts down", () => {
  it("keeps every ticket whole across a PGlite restart; retrying with the same keys submits each once", async () => {
    const folder = await mkdtemp(join(tmpdir(), "fd-restart-"));
    try {
      const first = await openTestTicketDb("pglite", { dataDir: folder });
      const service = testService(first.db);
      const drafts = [];
      for (let i = 0; i < 6; i += 1)
        drafts.push(await service.create(ALICE, { fields: completeFields(new Date()) }));
      const submissions = Promise.allSettled(
        drafts.map((draft) => service.submit(ALICE, draft.id, `key-${draft.id}`)),
      );
      await sleep(5);
      await first.close();
      await submissions;
      const second = await openTestTicketDb("pglite", { dataDir: folder });
      const count = (sqlText: string) => second.withSession((s) => s.query<{ n: number }>(sqlText));
      const torn = await count(
        `SELECT count(*)::int AS n FROM tickets t WHERE (t.status = 'SUBMITTED') <> EXISTS (SELECT 1 FROM ticket_outbox o WHERE o.ticket_id = t.id)`,
      );
      expect(torn).toEqual([{ n: 0 }]);
      const again = testService(second.db);
      for (const draft of drafts) await again.submit(ALICE, draft.id, `key-${draft.id}`);
      expect(await count("SELECT count(*)::int AS n FROM ticket_outbox")).toEqual([{ n: 6 }]);
      expect(await count("SELECT count(*)::int AS n FROM tickets WHERE status = 'SUBMITTED'")).toEqual([
        { n: 6 },
      ]);
      await second.close();
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
