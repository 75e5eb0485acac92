import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";

/** One request a {@link WebhookReceiver} got. */
export interface ReceivedWebhook {
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** Whether its Standard Webhooks signature verified (always false without a secret). */
  readonly verified: boolean;
}

/** A real HTTP receiver on 127.0.0.1 that keeps what it gets and verifies Standard Webhooks signatures. */
export interface WebhookReceiver {
  readonly url: string;
  readonly received: ReceivedWebhook[];
  /** The HTTP status it answers from now on (default 204; 401 when a signature does not verify). */
  answerWith(status: number): void;
  close(): Promise<void>;
}

/** Starts a receiver; with `secret` (`whsec_…`) it answers 401 to a request whose signature does not verify. */
export const startWebhookReceiver = async (secret?: string): Promise<WebhookReceiver> => {
  const received: ReceivedWebhook[] = [];
  let status = 204;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const headers = request.headers as Record<string, string>;
      const body = Buffer.concat(chunks).toString("utf8");
      let verified = false;
      try {
        if (secret !== undefined) {
          new Webhook(secret).verify(body, headers);
          verified = true;
        }
      } catch {
        verified = false;
      }
      received.push({ headers, body, verified });
      response.writeHead(secret !== undefined && !verified ? 401 : status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/T000/B000/secretpart`,
    received,
    answerWith: (next) => {
      status = next;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};
