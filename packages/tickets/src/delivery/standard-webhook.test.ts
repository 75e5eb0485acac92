import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import type { OutgoingTicket } from "./delivery-channel.js";
import { signStandardWebhook } from "./standard-webhook.js";
import { createWebhookChannel } from "./webhook-channel.js";
import { SIGNATURE_HEADER } from "./webhook-signature.js";

const SECRET = `whsec_${randomBytes(32).toString("base64")}`;

const startVerifyingReceiver = async () => {
  const received: { headers: Record<string, string>; verified: boolean }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = request.headers as Record<string, string>;
      let verified = true;
      try {
        new Webhook(SECRET).verify(Buffer.concat(chunks).toString("utf8"), headers);
      } catch {
        verified = false;
      }
      received.push({ headers, verified });
      response.writeHead(verified ? 204 : 401).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  return { url, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
};

const message = {
  deliveryId: "delivery-1",
  ticketId: "t-1",
  key: "FD-1001",
  messageId: "<fd-1001@flowdoctor>",
  from: "flowdoctor@localhost",
  to: "support@example.com",
  subject: "[FD-1001] Orders sync fails",
  text: "Body",
  attachments: [],
  ticket: {},
} as unknown as OutgoingTicket;

describe("Standard Webhooks signatures", () => {
  it("signs exactly as the reference implementation of the spec", () => {
    const body = '{"test": 2432232314}';
    const at = new Date(1_614_265_330_000);
    const expected = new Webhook(SECRET).sign("msg_p5jXN8AQM9LWM0D4loKWxJek", at, body);
    expect(
      signStandardWebhook(SECRET, { id: "msg_p5jXN8AQM9LWM0D4loKWxJek", timestampSec: 1_614_265_330, body }),
    ).toBe(expected);
    expect(expected).toMatch(/^v1,[A-Za-z0-9+/]{43}=$/);
  });

  it("sends webhook-id, webhook-timestamp and webhook-signature that a spec receiver accepts, the id stable across attempts", async () => {
    const receiver = await startVerifyingReceiver();
    const channel = createWebhookChannel({ url: receiver.url, secret: SECRET });
    await channel.deliver(message);
    await channel.deliver(message);
    await receiver.close();
    expect(receiver.received.map((entry) => entry.verified)).toEqual([true, true]);
    expect(receiver.received.map((entry) => entry.headers["webhook-id"])).toEqual([
      "delivery-1",
      "delivery-1",
    ]);
    expect(receiver.received[0]?.headers[SIGNATURE_HEADER]).toBeUndefined();
  });
});
