import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTicketDb, type TicketDatabase } from "../db/open-ticket-db.js";
import { createSmtpChannel } from "../delivery/smtp-channel.js";
import { createWebhookChannel } from "../delivery/webhook-channel.js";
import { createOutboxWorker } from "../outbox/outbox-worker.js";
import { type SmtpSink, startSmtpSink } from "../testing/smtp-sink.js";
import { TEST_MESSAGE } from "../testing/test-service.js";
import {
  openTestTicketDb,
  TEST_BACKENDS,
  TEST_DATABASE_URL,
  type TestTicketDb,
} from "../testing/test-ticket-db.js";
import { ALICE, BOB, completeFields, GINA, GLOBEX } from "../testing/ticket-fixtures.js";
import type { TicketError } from "../ticket-errors.js";
import { createTicketService, type TicketService } from "../ticket-service.js";
import { loadTicketView } from "../ticket-view.js";

const START = new Date("2026-11-24T12:00:00Z");
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** A clock the test moves by hand. */
const testClock = () => {
  let now = START.getTime();
  return { now: () => new Date(now), advance: (ms: number) => (now += ms) };
};

const serviceOn = (db: TicketDatabase["db"], clock: { now: () => Date }, channel = "smtp"): TicketService =>
  createTicketService({
    db,
    channel,
    maxAttempts: 3,
    message: TEST_MESSAGE,
    now: clock.now,
    followUpIntervalMs: HOUR,
  });

const problem = (fingerprint: string, excerpt = "ERROR step_2 401 api_key=abc123secret") => ({
  fields: completeFields(START),
  fingerprint,
  excerpt,
  logs: "2026-11-24T10:00:00Z ERROR step_2 401 Unauthorized\n",
});

const problemsOf = (error: unknown) => (error as TicketError).extensions.problems;

describe.each(TEST_BACKENDS)("one ticket per problem on %s", (backend) => {
  let database: TestTicketDb;
  let clock: ReturnType<typeof testClock>;
  let service: TicketService;
  beforeAll(async () => {
    database = await openTestTicketDb(backend);
    clock = testClock();
    service = serviceOn(database.db, clock);
  });
  afterAll(async () => database?.drop());

  it("adds a later occurrence to the open ticket: count, last seen, timeline entry and redacted excerpt", async () => {
    const first = await service.report(ALICE, problem("fp-orders-401"));
    expect(first.outcome).toBe("CREATED");
    expect(first.ticket.fingerprints).toEqual(["fp-orders-401"]);
    clock.advance(5 * MINUTE);
    const again = await service.report(GINA, problem("fp-orders-401", "ERROR again password=hunter2"));
    expect(again.outcome).toBe("ADDED_TO_OPEN");
    expect(again.ticket.id).toBe(first.ticket.id);
    expect(again.ticket.occurrences).toBe(2);
    expect(again.ticket.lastSeenAt).toEqual(clock.now());
    expect(again.ticket.occurrenceLog.map((o) => [o.reportedBy, o.excerpt])).toEqual([
      ["user-gina", "ERROR again password=[REDACTED]"],
    ]);
    expect(again.ticket.timeline.at(-1)?.event).toBe("The problem occurred again (2 occurrences in all).");
  });

  it("keeps problems of other contracts and other fingerprints apart", async () => {
    const acme = await service.report(ALICE, problem("fp-apart"));
    const other = await service.report(ALICE, problem("fp-apart-2"));
    const globex = await service.report(BOB, {
      ...problem("fp-apart"),
      fields: { title: "Globex sees it too", contractId: GLOBEX },
    });
    expect(new Set([acme.ticket.id, other.ticket.id, globex.ticket.id]).size).toBe(3);
    expect(globex.outcome).toBe("CREATED");
  });

  it("starts a new ticket after a cancelled draft, but reopens a resolved ticket once", async () => {
    const draft = await service.report(ALICE, problem("fp-cancel"));
    await service.cancel(ALICE, draft.ticket.id, "duplicate");
    const fresh = await service.report(ALICE, problem("fp-cancel"));
    expect(fresh.outcome).toBe("CREATED");
    expect(fresh.ticket.id).not.toBe(draft.ticket.id);

    const made = await service.report(ALICE, problem("fp-resolve"));
    await service.submit(ALICE, made.ticket.id, "resolve-1");
    const resolved = await service.resolve(GINA, made.ticket.id, "fixed the credential");
    expect(resolved.resolvedAt).not.toBeNull();
    clock.advance(MINUTE);
    const returns = await Promise.all([1, 2, 3].map(() => service.report(ALICE, problem("fp-resolve"))));
    expect(returns.map((r) => r.outcome).sort()).toEqual(["ADDED_TO_OPEN", "ADDED_TO_OPEN", "REOPENED"]);
    expect(new Set(returns.map((r) => r.ticket.id))).toEqual(new Set([made.ticket.id]));
    const view = await service.get(ALICE, made.ticket.id);
    expect(view.resolvedAt).toBeNull();
    expect(view.reopenedCount).toBe(1);
    expect(view.history.filter((h) => h.status === "REOPENED")).toHaveLength(1);
    expect(view.occurrenceLog.filter((o) => o.reopened)).toHaveLength(1);
  });

  it("answers a bad report with BAD_USER_INPUT naming the field", async () => {
    const blank = await service.report(ALICE, problem(" ")).catch((error: unknown) => error);
    expect(problemsOf(blank)).toEqual([expect.objectContaining({ path: "fingerprint", code: "REQUIRED" })]);
    const noContract = await service
      .report(ALICE, { fingerprint: "fp", fields: { title: "no contract" } })
      .catch((error: unknown) => error);
    expect(problemsOf(noContract)).toEqual([
      expect.objectContaining({ path: "fields.contractId", code: "REQUIRED" }),
    ]);
    const resolvedTwice = await service
      .resolve(ALICE, (await service.report(ALICE, problem("fp-draft"))).ticket.id)
      .catch((error: unknown) => error);
    expect(problemsOf(resolvedTwice)).toEqual([
      expect.objectContaining({ path: "id", code: "INVALID_VALUE" }),
    ]);
  });
});

describe.skipIf(TEST_DATABASE_URL === undefined)("two gateways on one PostgreSQL", () => {
  let database: TestTicketDb;
  let second: TicketDatabase;
  beforeAll(async () => {
    database = await openTestTicketDb("postgres");
    // Another gateway: its own connection pool on the same tables.
    second = await openTicketDb({
      databaseUrl: TEST_DATABASE_URL as string,
      schema: database.schema as string,
    });
  });
  afterAll(async () => {
    await second?.close();
    await database?.drop();
  });

  it("reporting the same problem at once from both gives one ticket that counts every report", async () => {
    const clock = testClock();
    const gateways = [serviceOn(database.db, clock), serviceOn(second.db, clock)];
    const reports = await Promise.all(
      Array.from({ length: 16 }, (_, i) => gateways[i % 2]?.report(ALICE, problem("fp-race"))),
    );
    const ids = new Set(reports.map((report) => report?.ticket.id));
    expect(ids.size).toBe(1);
    expect(reports.filter((report) => report?.outcome === "CREATED")).toHaveLength(1);
    const view = await loadTicketView(database.db, [...ids][0] as string);
    expect(view?.occurrences).toBe(16);
    expect(view?.occurrenceLog).toHaveLength(15);
    const tickets = await database.withSession((s) =>
      s.query<{ n: number }>(
        "SELECT count(*)::int AS n FROM ticket_fingerprints WHERE fingerprint = 'fp-race'",
      ),
    );
    expect(tickets).toEqual([{ n: 1 }]);
  });
});

describe.each(TEST_BACKENDS)("follow-ups by SMTP on %s", (backend) => {
  let database: TestTicketDb;
  let sink: SmtpSink;
  let channel: ReturnType<typeof createSmtpChannel>;
  beforeAll(async () => {
    database = await openTestTicketDb(backend);
    sink = await startSmtpSink();
    channel = createSmtpChannel({ url: sink.url, timeoutMs: 2000 });
  });
  afterAll(async () => {
    await channel?.close();
    await sink?.stop();
    await database?.drop();
  });

  it("threads at most one follow-up per interval under the first message, and says when it reopened", async () => {
    const clock = testClock();
    const service = serviceOn(database.db, clock);
    const worker = createOutboxWorker({ db: database.db, channel, message: TEST_MESSAGE });
    const made = await service.report(ALICE, problem("fp-thread"));
    await service.submit(ALICE, made.ticket.id, "thread-1");
    expect(await worker.drain()).toBe(1);
    const firstId = `<${made.ticket.key}.${made.ticket.id}@flowdoctor>`;

    clock.advance(MINUTE);
    await service.report(ALICE, problem("fp-thread", "ERROR 401 token=abc123secret"));
    clock.advance(MINUTE);
    await service.report(ALICE, problem("fp-thread")); // within the interval: no second follow-up
    expect(await worker.drain()).toBe(1);
    clock.advance(10 * MINUTE);
    await service.report(ALICE, problem("fp-thread"));
    expect(await worker.drain()).toBe(0);

    clock.advance(HOUR);
    await service.resolve(ALICE, made.ticket.id);
    await service.report(ALICE, problem("fp-thread", "ERROR it is back"));
    expect(await worker.drain()).toBe(1);

    const mails = await sink.messages();
    expect(mails).toHaveLength(3);
    const [first, followUp, reopened] = mails;
    expect(first?.messageId).toBe(firstId);
    expect(followUp?.messageId).toBe(`<${made.ticket.key}.${made.ticket.id}.followup-1@flowdoctor>`);
    for (const mail of [followUp, reopened]) {
      expect(mail?.inReplyTo).toBe(firstId);
      expect(mail?.references).toBe(firstId);
      expect(mail?.subject).toBe(`Re: ${first?.subject}`);
    }
    expect(followUp?.text).toContain("The problem occurred again.");
    // Composed when sent: it tells of both occurrences so far, with the latest excerpt.
    expect(followUp?.text).toContain("Occurrences in all: 3.");
    expect(followUp?.text).toContain("ERROR step_2 401 api_key=[REDACTED]");
    expect(followUp?.text).not.toContain("abc123secret");
    expect(reopened?.messageId).toBe(`<${made.ticket.key}.${made.ticket.id}.followup-2@flowdoctor>`);
    expect(reopened?.text).toContain("it is reopened");
    expect(reopened?.text).toContain("Occurrences in all: 5.");
    const view = await service.get(ALICE, made.ticket.id);
    expect(view.followUps.map((job) => [job.followUp, job.status])).toEqual([
      [1, "DELIVERED"],
      [2, "DELIVERED"],
    ]);
    expect(view.delivery?.status).toBe("DELIVERED");
  });
});

describe("follow-ups by webhook", () => {
  let database: TestTicketDb;
  const received: Record<string, unknown>[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      received.push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
      response.writeHead(204).end();
    });
  });
  beforeAll(async () => {
    database = await openTestTicketDb("pglite");
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database?.drop();
  });

  it("sends ticket.followed_up with the original ticket's id, key and first Message-ID", async () => {
    const clock = testClock();
    const service = serviceOn(database.db, clock, "webhook");
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    const channel = createWebhookChannel({ url, secret: "shared-secret-for-tests" });
    const worker = createOutboxWorker({ db: database.db, channel, message: TEST_MESSAGE });
    const made = await service.report(ALICE, problem("fp-webhook"));
    await service.submit(ALICE, made.ticket.id, "webhook-1");
    clock.advance(MINUTE);
    await service.report(ALICE, problem("fp-webhook"));
    expect(await worker.drain()).toBe(2);
    const firstId = `<${made.ticket.key}.${made.ticket.id}@flowdoctor>`;
    expect(received.map((body) => [body.event, body.ticketId, body.key, body.inReplyTo])).toEqual([
      ["ticket.submitted", made.ticket.id, made.ticket.key, undefined],
      ["ticket.followed_up", made.ticket.id, made.ticket.key, firstId],
    ]);
    expect(received[1]?.followUp).toBe(1);
    expect(received[1]?.deliveryId).not.toBe(received[0]?.deliveryId);
  });
});
