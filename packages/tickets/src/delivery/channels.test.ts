import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { simpleParser } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOutboxWorker } from "../outbox/outbox-worker.js";
import { submitCompleteTicket, TEST_MESSAGE, testService } from "../testing/test-service.js";
import { openTestTicketDb, type TestTicketDb } from "../testing/test-ticket-db.js";
import { TINY_PNG } from "../testing/ticket-fixtures.js";
import { loadTicketView } from "../ticket-view.js";
import type { DeliveryChannel } from "./delivery-channel.js";
import { createMailFolderChannel } from "./mail-folder-channel.js";
import { createWebhookChannel } from "./webhook-channel.js";
import { SIGNATURE_HEADER, verifyWebhookSignature } from "./webhook-signature.js";

interface Received {
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

const startReceiver = async (secret: string, answers: number[]) => {
  const received: Received[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      received.push({ headers: request.headers, body });
      const header = request.headers[SIGNATURE_HEADER] as string | undefined;
      const status = verifyWebhookSignature({ secret, header, body }) ? (answers.shift() ?? 204) : 401;
      response.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/tickets`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

describe("delivery channels", () => {
  let database: TestTicketDb;
  const cleanups: (() => Promise<void>)[] = [];
  beforeAll(async () => {
    database = await openTestTicketDb("pglite");
  });
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
    await database?.drop();
  });
  const deliverWith = async (channel: DeliveryChannel, key: string, maxAttempts = 5) => {
    const ticket = await submitCompleteTicket(testService(database.db, channel.name, maxAttempts), key);
    await createOutboxWorker({
      db: database.db,
      channel,
      message: TEST_MESSAGE,
      backoff: { baseMs: 10 },
    }).drain();
    return ticket;
  };

  it("signs the webhook with HMAC-SHA256; the receiver checks it, and a retry after a 503 succeeds", async () => {
    const receiver = await startReceiver("s3cret", [503]);
    cleanups.push(receiver.close);
    const channel = createWebhookChannel({ url: receiver.url, secret: "s3cret" });
    const ticket = await deliverWith(channel, "hook-1");
    expect((await loadTicketView(database.db, ticket.id))?.delivery).toMatchObject({
      status: "PENDING",
      lastError: "the webhook answered HTTP 503",
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await createOutboxWorker({ db: database.db, channel, message: TEST_MESSAGE }).drain();
    expect((await loadTicketView(database.db, ticket.id))?.delivery?.status).toBe("DELIVERED");
    const last = receiver.received.at(-1) as Received;
    expect(last.headers["x-flowdoctor-delivery"]).toBe(`<${ticket.key}.${ticket.id}@flowdoctor>`);
    const payload = JSON.parse(last.body) as {
      key: string;
      subject: string;
      ticket: { title: string };
      attachments: { filename: string; base64: string }[];
    };
    expect(payload.key).toBe(ticket.key);
    expect(payload.ticket.title).toBe("Orders flow fails at the CRM step");
    expect(payload.attachments.map((a) => a.filename)).toEqual(["step_2.log", "errors.png"]);
    expect(Buffer.from(payload.attachments[1]?.base64 ?? "", "base64").equals(TINY_PNG)).toBe(true);
    const header = last.headers[SIGNATURE_HEADER] as string;
    expect(verifyWebhookSignature({ secret: "s3cret", header, body: last.body })).toBe(true);
    expect(
      verifyWebhookSignature({ secret: "s3cret", header, body: last.body.replace("Orders", "Orderz") }),
    ).toBe(false);
    expect(verifyWebhookSignature({ secret: "other", header, body: last.body })).toBe(false);
    expect(
      verifyWebhookSignature({ secret: "s3cret", header, body: last.body, nowSec: Date.now() / 1000 + 3600 }),
    ).toBe(false);
  });

  it("sends every attempt of one delivery with the same signed Flowdoctor-Delivery-Id, and each ticket its own", async () => {
    const receiver = await startReceiver("s3cret", [503]);
    cleanups.push(receiver.close);
    const channel = createWebhookChannel({ url: receiver.url, secret: "s3cret" });
    const retried = await deliverWith(channel, "hook-id-1");
    await new Promise((resolve) => setTimeout(resolve, 50));
    const other = await deliverWith(channel, "hook-id-2");
    expect((await loadTicketView(database.db, retried.id))?.delivery).toMatchObject({
      status: "DELIVERED",
      attempts: 2,
    });
    const seen = receiver.received.map((request) => {
      const body = JSON.parse(request.body) as { ticketId: string; deliveryId: string };
      expect(body.deliveryId).toBe(request.headers["flowdoctor-delivery-id"]);
      return [body.ticketId, body.deliveryId];
    });
    const idsOf = (ticketId: string) =>
      seen.filter(([id]) => id === ticketId).map(([, deliveryId]) => deliveryId);
    const [firstAttempt, secondAttempt] = idsOf(retried.id);
    expect(idsOf(retried.id)).toHaveLength(2);
    expect(firstAttempt).toMatch(/^[0-9a-f-]{36}$/);
    expect(secondAttempt).toBe(firstAttempt);
    expect(idsOf(other.id)).toHaveLength(1);
    expect(idsOf(other.id)[0]).not.toBe(firstAttempt);
  });

  it("counts a webhook with the wrong secret as a failed attempt", async () => {
    const receiver = await startReceiver("right", []);
    cleanups.push(receiver.close);
    const ticket = await deliverWith(
      createWebhookChannel({ url: receiver.url, secret: "wrong" }),
      "hook-2",
      1,
    );
    expect((await loadTicketView(database.db, ticket.id))?.delivery).toMatchObject({
      status: "FAILED",
      lastError: "the webhook answered HTTP 401",
    });
  });

  it("writes each ticket as an .eml file to the mail folder, whole and parseable", async () => {
    const folder = await mkdtemp(join(tmpdir(), "fd-mail-"));
    cleanups.push(() => rm(folder, { recursive: true, force: true }));
    const ticket = await deliverWith(createMailFolderChannel(folder), "folder-1");
    expect(await readdir(folder)).toEqual([`${ticket.key}.eml`]);
    const mail = await simpleParser(await readFile(join(folder, `${ticket.key}.eml`)));
    expect(mail.messageId).toBe(`<${ticket.key}.${ticket.id}@flowdoctor>`);
    expect(mail.subject).toBe(`[${ticket.key}] Orders flow fails at the CRM step`);
    expect(mail.text).toContain("## Description");
    expect(mail.attachments.map((a) => a.filename)).toEqual(["step_2.log", "errors.png"]);
    expect((await loadTicketView(database.db, ticket.id))?.delivery?.status).toBe("DELIVERED");
  });
});
