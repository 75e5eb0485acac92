import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DeliveryChannel } from "../delivery/delivery-channel.js";
import { createSmtpChannel } from "../delivery/smtp-channel.js";
import { type SmtpSink, startSmtpSink } from "../testing/smtp-sink.js";
import { submitCompleteTicket, TEST_MESSAGE, testService } from "../testing/test-service.js";
import { openTestTicketDb, TEST_BACKENDS, type TestTicketDb } from "../testing/test-ticket-db.js";
import { ALICE, BOB, TINY_PNG } from "../testing/ticket-fixtures.js";
import type { TicketService } from "../ticket-service.js";
import { loadTicketView } from "../ticket-view.js";
import { createOutboxWorker, type OutboxWorkerOptions } from "./outbox-worker.js";

const until = async (check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    await sleep(25);
  }
};

describe.each(TEST_BACKENDS)("outbox delivery by SMTP on %s", (backend) => {
  let database: TestTicketDb;
  let service: TicketService;
  let sink: SmtpSink;
  let channel: DeliveryChannel;
  const worker = (extra: Partial<OutboxWorkerOptions> = {}) =>
    createOutboxWorker({
      db: database.db,
      channel,
      message: TEST_MESSAGE,
      backoff: { baseMs: 50, maxMs: 200 },
      ...extra,
    });

  beforeAll(async () => {
    database = await openTestTicketDb(backend);
    service = testService(database.db, "smtp", 3);
    sink = await startSmtpSink();
    channel = createSmtpChannel({ url: sink.url, timeoutMs: 2000 });
  });
  afterAll(async () => {
    await channel?.close();
    await sink?.stop();
    await database?.drop();
  });

  it("e-mails the ticket to support: Message-ID, subject, rendered sections and attachments", async () => {
    const before = sink.count();
    const ticket = await submitCompleteTicket(service, "smtp-1");
    expect(await worker().drain()).toBe(1);
    const mail = (await sink.messages())[before];
    expect(mail?.messageId).toBe(`<${ticket.key}.${ticket.id}@flowdoctor>`);
    expect(mail?.subject).toBe(`[${ticket.key}] Orders flow fails at the CRM step`);
    expect(mail?.to && "text" in mail.to ? mail.to.text : "").toBe(TEST_MESSAGE.to);
    expect(mail?.headers.get("x-flowdoctor-ticket")).toBe(ticket.key);
    for (const section of ["## Description", "### Log file", "### Error text", "## Timeline", "## Priority"])
      expect(mail?.text).toContain(section);
    expect(mail?.text).not.toContain("abc123secret");
    const files = mail?.attachments.map((a) => [a.filename, a.contentType]);
    expect(files).toEqual([
      ["step_2.log", "text/plain"],
      ["errors.png", "image/png"],
    ]);
    expect(mail?.attachments[1]?.content.equals(TINY_PNG)).toBe(true);
    expect(mail?.attachments[0]?.content.toString()).toContain("api_key=[REDACTED]");
    const after = await loadTicketView(database.db, ticket.id);
    expect(after?.delivery).toMatchObject({ status: "DELIVERED", attempts: 1, lastError: null });
    expect(after?.history.map((h) => h.status)).toEqual(["DRAFT", "SUBMITTED", "DELIVERED"]);
  });

  it("retries with back-off while the SMTP server is down and delivers when it returns", async () => {
    await sink.stop();
    const before = sink.count();
    const ticket = await submitCompleteTicket(service, "smtp-down");
    await worker({ backoff: { baseMs: 500, maxMs: 500 } }).drain();
    const failed = await loadTicketView(database.db, ticket.id);
    expect(failed?.delivery).toMatchObject({ status: "PENDING", attempts: 1 });
    expect(failed?.delivery?.lastError).toMatch(/ECONNREFUSED|connect/i);
    await sink.start();
    const running = worker({ pollMs: 50 });
    running.start();
    await until(async () => (await loadTicketView(database.db, ticket.id))?.delivery?.status === "DELIVERED");
    await running.stop();
    expect(sink.count()).toBe(before + 1);
  });

  it("marks a job FAILED after its last attempt, with the error visible, and delivers it when retried", async () => {
    await sink.stop();
    const ticket = await submitCompleteTicket(service, "smtp-gone");
    const running = worker({ pollMs: 20 });
    running.start();
    await until(async () => (await loadTicketView(database.db, ticket.id))?.delivery?.status === "FAILED");
    await running.stop();
    await sink.start();
    const view = await loadTicketView(database.db, ticket.id);
    expect(view?.delivery?.attempts).toBe(3);
    expect(view?.delivery?.lastError).toBeTruthy();
    expect(view?.history.at(-1)?.status).toBe("DELIVERY_FAILED");

    // Support's server is back: a member queues it again, and it goes out once, under the same Message-ID.
    await expect(service.retryDelivery(BOB, ticket.id)).rejects.toMatchObject({
      extensions: { code: "NOT_FOUND" },
    });
    const retried = await service.retryDelivery(ALICE, ticket.id);
    expect(retried.delivery).toMatchObject({
      status: "PENDING",
      attempts: 0,
      lastError: view?.delivery?.lastError,
    });
    expect(retried.history.at(-1)).toMatchObject({ status: "DELIVERY_RETRIED", actorUserId: ALICE.userId });
    const before = sink.count();
    expect(await worker().drain()).toBe(1);
    expect((await sink.messages())[before]?.messageId).toBe(`<${ticket.key}.${ticket.id}@flowdoctor>`);
    const delivered = await loadTicketView(database.db, ticket.id);
    expect(delivered?.delivery).toMatchObject({ status: "DELIVERED", attempts: 1, lastError: null });
    await expect(service.retryDelivery(ALICE, ticket.id)).rejects.toMatchObject({
      message: expect.stringContaining("Only a FAILED delivery can be retried"),
      extensions: { code: "BAD_USER_INPUT", problems: [{ path: "delivery.status", code: "INVALID_VALUE" }] },
    });
  });

  it("delivers again after a worker dies between sending and marking; the copy has the same Message-ID", async () => {
    const before = sink.count();
    const ticket = await submitCompleteTicket(service, "smtp-crash");
    const dying: DeliveryChannel = {
      ...channel,
      deliver: async (message) => {
        await channel.deliver(message);
        await new Promise(() => undefined); // the process is gone before it can mark the job
      },
    };
    void worker({ channel: dying, leaseMs: 300 }).drain();
    await until(() => sink.count() === before + 1);
    expect((await loadTicketView(database.db, ticket.id))?.delivery?.status).toBe("PENDING");
    await sleep(350);
    expect(await worker({ leaseMs: 300 }).drain()).toBe(1);
    const copies = (await sink.messages()).slice(before);
    expect(copies.map((mail) => mail.messageId)).toEqual([
      `<${ticket.key}.${ticket.id}@flowdoctor>`,
      `<${ticket.key}.${ticket.id}@flowdoctor>`,
    ]);
    expect((await loadTicketView(database.db, ticket.id))?.delivery).toMatchObject({
      status: "DELIVERED",
      attempts: 2,
    });
  });

  it("lets two workers run together and delivers each ticket exactly once", async () => {
    const before = sink.count();
    const submitted = [];
    for (let i = 0; i < 8; i += 1) submitted.push(await submitCompleteTicket(service, `pair-${i}`));
    const [a, b] = await Promise.all([worker().drain(), worker().drain()]);
    expect((a ?? 0) + (b ?? 0)).toBe(8);
    const ids = (await sink.messages()).slice(before).map((mail) => mail.messageId);
    expect(ids).toHaveLength(8);
    expect(new Set(ids).size).toBe(8);
    for (const ticket of submitted)
      expect((await loadTicketView(database.db, ticket.id))?.delivery?.status).toBe("DELIVERED");
  });
});
