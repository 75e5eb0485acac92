import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { createTransport } from "nodemailer";
import {
  alertMailOptions,
  alertWebhookPayload,
  type OutgoingAlert,
  slackPayload,
  teamsPayload,
} from "./alert-message.js";
import { postJson } from "./post-json.js";
import { createSmtpTransport, safeTarget } from "./smtp-channel.js";
import { standardWebhookHeaders } from "./standard-webhook.js";

/** The kinds of alert channel: SMTP e-mail, a signed webhook, Slack and Teams incoming webhooks, a mail folder. */
export const ALERT_CHANNEL_KINDS = ["EMAIL", "WEBHOOK", "SLACK", "TEAMS", "MAIL_FOLDER"] as const;
export type AlertChannelKind = (typeof ALERT_CHANNEL_KINDS)[number];

/** One channel of the server's configuration (`ALERT_CHANNELS`); rules name it, nobody else sees its target. */
export type AlertChannelConfig =
  | {
      readonly name: string;
      readonly kind: "EMAIL";
      /** `smtp://user:pass@host:587` or `smtps://…`. */
      readonly smtpUrl: string;
      readonly from: string;
      readonly to: readonly string[];
    }
  | {
      readonly name: string;
      readonly kind: "WEBHOOK";
      readonly url: string;
      /** `whsec_<base64>`: signs the Standard Webhooks way. */
      readonly secret: string;
    }
  | { readonly name: string; readonly kind: "SLACK" | "TEAMS"; readonly url: string }
  | {
      readonly name: string;
      readonly kind: "MAIL_FOLDER";
      readonly folder: string;
      readonly from: string;
      readonly to: readonly string[];
    };

/** Sends alert messages somewhere; throws when it could not, so the outbox retries. */
export interface AlertChannel {
  readonly name: string;
  readonly kind: AlertChannelKind;
  /** Where it delivers, safe to log: the origin only (a Slack or Teams URL's path is its secret). */
  readonly target: string;
  deliver(alert: OutgoingAlert): Promise<void>;
  close(): Promise<void>;
}

const TIMEOUT_MS = 10_000;

const webhookChannel = (
  config: { readonly name: string; readonly url: string },
  kind: AlertChannelKind,
  send: (alert: OutgoingAlert) => { body: string; headers: Record<string, string> },
): AlertChannel => ({
  name: config.name,
  kind,
  target: new URL(config.url).origin,
  deliver: async (alert) => {
    const { body, headers } = send(alert);
    await postJson(config.url, body, headers, TIMEOUT_MS);
  },
  close: async () => undefined,
});

const mailFolderChannel = (config: Extract<AlertChannelConfig, { kind: "MAIL_FOLDER" }>): AlertChannel => {
  const composer = createTransport({ streamTransport: true, buffer: true, newline: "windows" });
  return {
    name: config.name,
    kind: "MAIL_FOLDER",
    target: config.folder,
    deliver: async (alert) => {
      const info = await composer.sendMail(alertMailOptions(alert, config.from, config.to));
      await mkdir(config.folder, { recursive: true });
      const file = join(config.folder, `alert-${alert.deliveryId}.eml`);
      await writeFile(`${file}.partial`, info.message as Buffer);
      await rename(`${file}.partial`, file);
    },
    close: async () => composer.close(),
  };
};

const emailChannel = (config: Extract<AlertChannelConfig, { kind: "EMAIL" }>): AlertChannel => {
  const transport = createSmtpTransport({ url: config.smtpUrl, timeoutMs: TIMEOUT_MS });
  return {
    name: config.name,
    kind: "EMAIL",
    target: safeTarget(config.smtpUrl),
    deliver: async (alert) => {
      const info = await transport.sendMail(alertMailOptions(alert, config.from, config.to));
      if (info.rejected.length > 0)
        throw new Error(`the SMTP server rejected ${info.rejected.length} recipient(s)`);
    },
    close: async () => transport.close(),
  };
};

/** The channel a configuration entry describes. */
export const createAlertChannel = (config: AlertChannelConfig): AlertChannel => {
  switch (config.kind) {
    case "EMAIL":
      return emailChannel(config);
    case "MAIL_FOLDER":
      return mailFolderChannel(config);
    case "WEBHOOK":
      return webhookChannel(config, "WEBHOOK", (alert) => {
        const body = JSON.stringify(alertWebhookPayload(alert));
        const timestampSec = Math.floor(Date.now() / 1000);
        return {
          body,
          headers: standardWebhookHeaders(config.secret, { id: alert.deliveryId, timestampSec, body }),
        };
      });
    case "SLACK":
      return webhookChannel(config, "SLACK", (alert) => ({
        body: JSON.stringify(slackPayload(alert)),
        headers: {},
      }));
    case "TEAMS":
      return webhookChannel(config, "TEAMS", (alert) => ({
        body: JSON.stringify(teamsPayload(alert)),
        headers: {},
      }));
    default: {
      const never: never = config;
      throw new Error(`unknown alert channel kind ${String((never as { kind: unknown }).kind)}`);
    }
  }
};
