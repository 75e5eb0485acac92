import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/** A real SMTP server on 127.0.0.1 that keeps every message it receives. */
export interface SmtpSink {
  readonly url: string;
  readonly port: number;
  /** Every message received so far, parsed. */
  readonly messages: () => Promise<ParsedMail[]>;
  readonly count: () => number;
  /** Stops listening (the port stays reserved for `start`). */
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

/** Starts an SMTP server that accepts every message without TLS or login. */
export const startSmtpSink = async (): Promise<SmtpSink> => {
  const raw: Buffer[] = [];
  let port = 0;
  let server: SMTPServer | undefined;
  const listen = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onData(stream, _session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          raw.push(Buffer.concat(chunks));
          callback();
        });
      },
    });
    const current = server;
    await new Promise<void>((resolve) => current.listen(port, "127.0.0.1", () => resolve()));
    port = (current.server.address() as AddressInfo).port;
  };
  await listen();
  return {
    get url() {
      return `smtp://127.0.0.1:${port}`;
    },
    get port() {
      return port;
    },
    messages: () => Promise.all(raw.map((message) => simpleParser(message))),
    count: () => raw.length,
    stop: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
    start: listen,
  };
};
