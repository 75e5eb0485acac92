import type { AddressInfo } from "node:net";
import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { OutgoingTicket } from "./delivery-channel.js";
import { createSmtpChannel } from "./smtp-channel.js";

const MESSAGE = {
  deliveryId: "d-1",
  ticketId: "t-1",
  key: "FD-1",
  messageId: "<FD-1.t-1@flowdoctor>",
  from: "flowdoctor@acme.example",
  to: "support@platform.example",
  subject: "[FD-1] A flow fails",
  text: "## Description",
  attachments: [],
  ticket: {},
} as unknown as OutgoingTicket;

/** A server that accepts connections and never sends the SMTP greeting. */
const startSilentServer = async () => {
  const sockets: Socket[] = [];
  const server: Server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const close = () => {
    for (const socket of sockets) socket.destroy();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { url: `smtp://127.0.0.1:${(server.address() as AddressInfo).port}`, close };
};

describe("the SMTP channel", () => {
  let closeServer: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await closeServer?.();
  });

  it("gives up on a server that never greets after timeoutMs, not nodemailer's default of 30 s", async () => {
    const server = await startSilentServer();
    closeServer = server.close;
    const channel = createSmtpChannel({ url: server.url, timeoutMs: 300 });
    const started = Date.now();
    await expect(channel.deliver(MESSAGE)).rejects.toThrow(/greeting/i);
    await channel.close();
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 15_000);
});
