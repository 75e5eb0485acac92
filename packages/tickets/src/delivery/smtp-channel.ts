import { createTransport } from "nodemailer";
import type { DeliveryChannel } from "./delivery-channel.js";
import { mailOptionsOf } from "./mail-options.js";

/** Options of {@link createSmtpChannel}. */
export interface SmtpChannelOptions {
  /** `smtp://user:pass@host:587` or `smtps://…:465`. */
  readonly url: string;
  /** Connection, greeting and socket timeouts in ms. @default 10000 */
  readonly timeoutMs?: number;
}

/** A nodemailer transport with bounded timeouts; shared by the ticket and alert e-mail channels. */
export const createSmtpTransport = (options: SmtpChannelOptions) => {
  const timeoutMs = options.timeoutMs ?? 10_000;
  // The timeouts sit beside the url: a second argument would be message defaults, and never reach the connection.
  return createTransport({
    url: options.url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
};

/** `smtp://host:port` without user or password, safe to log. */
export const safeTarget = (url: string): string => {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}`;
};

/** Sends each ticket by SMTP with nodemailer (one pooled connection, reopened when the server comes back). */
export const createSmtpChannel = (options: SmtpChannelOptions): DeliveryChannel => {
  const transport = createSmtpTransport(options);
  return {
    name: "smtp",
    target: safeTarget(options.url),
    deliver: async (message) => {
      const info = await transport.sendMail(mailOptionsOf(message));
      if (info.rejected.length > 0)
        throw new Error(`the SMTP server rejected ${info.rejected.length} recipient(s)`);
    },
    close: async () => transport.close(),
  };
};
