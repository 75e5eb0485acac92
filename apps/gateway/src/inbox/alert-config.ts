import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type AlertChannelConfig, readAlertChannels } from "@flowdoctor/tickets";
import type { TicketConfig } from "../tickets/ticket-config.js";

/** Where alerts may go and how their links read; read by {@link readAlertConfig}. */
export interface AlertConfig {
  /**
   * The channels alert rules may name (`ALERT_CHANNELS`: a JSON array, or `ALERT_CHANNELS_FILE`: a file holding
   * it). Only the server's configuration says where alerts go: a GraphQL caller picks a channel by name and never
   * sees its URL or secret. @default one `mail-folder` channel writing `.eml` files to `<MAIL_FOLDER>/alerts`
   */
  readonly channels: readonly AlertChannelConfig[];
  /** The gateway's public URL, for links into the playground console (`GATEWAY_PUBLIC_URL`). */
  readonly publicUrl?: string;
}

type Env = Readonly<Record<string, string | undefined>>;

const text = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
};

/** The embedded set-up's channel: alerts written as e-mails into the mail folder, no server needed. */
const defaultChannels = (tickets: TicketConfig): AlertChannelConfig[] => [
  {
    name: "mail-folder",
    kind: "MAIL_FOLDER",
    folder: join(tickets.mailFolder, "alerts"),
    from: tickets.fromEmail,
    to: [tickets.fromEmail],
  },
];

const readChannels = (env: Env, problems: string[], tickets: TicketConfig): AlertChannelConfig[] => {
  const inline = text(env, "ALERT_CHANNELS");
  const file = text(env, "ALERT_CHANNELS_FILE");
  if (inline !== undefined && file !== undefined) {
    problems.push("ALERT_CHANNELS and ALERT_CHANNELS_FILE exclude each other: set one");
    return [];
  }
  if (file !== undefined) {
    let raw: string;
    try {
      raw = readFileSync(file, "utf8");
    } catch (error) {
      problems.push(
        `ALERT_CHANNELS_FILE ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? "error"})`,
      );
      return [];
    }
    return readAlertChannels(raw, problems, "ALERT_CHANNELS_FILE");
  }
  return inline === undefined ? defaultChannels(tickets) : readAlertChannels(inline, problems);
};

const readPublicUrl = (env: Env, problems: string[]): string | undefined => {
  const raw = text(env, "GATEWAY_PUBLIC_URL");
  if (raw === undefined) return undefined;
  if (URL.canParse(raw) && ["http:", "https:"].includes(new URL(raw).protocol))
    return raw.replace(/\/+$/, "");
  problems.push(
    "GATEWAY_PUBLIC_URL must be a URL starting with https:// or http://, e.g. https://flowdoctor.example.com",
  );
  return undefined;
};

/** Reads the alert variables; each problem names the variable and field, never echoing a URL or secret. */
export const readAlertConfig = (env: Env, problems: string[], tickets: TicketConfig): AlertConfig => {
  const publicUrl = readPublicUrl(env, problems);
  return {
    channels: readChannels(env, problems, tickets),
    ...(publicUrl === undefined ? {} : { publicUrl }),
  };
};
