import { ALERT_CHANNEL_KINDS, type AlertChannelConfig, type AlertChannelKind } from "./alert-channel.js";
import { isStandardWebhookSecret, standardSecretProblem } from "./standard-webhook.js";

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$/;
const EMAIL = /^[^\s@<>,]+@[^\s@<>,]+$/;
const MAX_CHANNELS = 50;
const MAX_RECIPIENTS = 20;

const FIELDS: { readonly [K in AlertChannelKind]: readonly string[] } = {
  EMAIL: ["name", "kind", "smtpUrl", "from", "to"],
  MAIL_FOLDER: ["name", "kind", "folder", "from", "to"],
  WEBHOOK: ["name", "kind", "url", "secret"],
  SLACK: ["name", "kind", "url"],
  TEAMS: ["name", "kind", "url"],
};

type Item = Readonly<Record<string, unknown>>;

/** Reads the channel entries' fields; each problem names the field and never echoes a URL or secret. */
class ChannelReader {
  constructor(
    private readonly path: string,
    private readonly item: Item,
    private readonly problems: string[],
  ) {}

  private problem(field: string, rule: string): void {
    this.problems.push(`${this.path}.${field} ${rule}`);
  }

  url(field: string, protocols: readonly string[]): string {
    const raw = this.item[field];
    if (typeof raw === "string" && URL.canParse(raw) && protocols.includes(new URL(raw).protocol)) return raw;
    // The value is not echoed: it may carry a password or be a secret webhook address.
    this.problem(field, `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`);
    return "";
  }

  email(field: string): string {
    const raw = this.item[field];
    if (typeof raw === "string" && EMAIL.test(raw)) return raw;
    this.problem(field, "must be an e-mail address such as alerts@example.com");
    return "";
  }

  recipients(field: string): string[] {
    const raw = this.item[field];
    const list = typeof raw === "string" ? [raw] : raw;
    if (
      Array.isArray(list) &&
      list.length >= 1 &&
      list.length <= MAX_RECIPIENTS &&
      list.every((to) => typeof to === "string" && EMAIL.test(to))
    )
      return list as string[];
    this.problem(field, `must be an e-mail address or a list of 1 to ${MAX_RECIPIENTS} of them`);
    return [];
  }

  secret(field: string): string {
    const raw = this.item[field];
    const problem =
      typeof raw !== "string" || !isStandardWebhookSecret(raw)
        ? "must be whsec_ followed by base64"
        : standardSecretProblem(raw);
    if (problem === undefined) return raw as string;
    // The value is not echoed: it is a secret.
    this.problem(field, `${problem} (e.g. whsec_ and 32 random bytes in base64)`);
    return "";
  }

  text(field: string): string {
    const raw = this.item[field];
    if (typeof raw === "string" && raw.trim() !== "") return raw;
    this.problem(field, "must be a non-empty string");
    return "";
  }

  unknownFields(kind: AlertChannelKind): void {
    for (const field of Object.keys(this.item))
      if (!FIELDS[kind].includes(field)) this.problem(field, `is not a field of a ${kind} channel`);
  }
}

const readChannel = (
  path: string,
  item: Item,
  name: string,
  kind: AlertChannelKind,
  problems: string[],
): AlertChannelConfig => {
  const read = new ChannelReader(path, item, problems);
  read.unknownFields(kind);
  switch (kind) {
    case "EMAIL":
      return {
        name,
        kind,
        smtpUrl: read.url("smtpUrl", ["smtp:", "smtps:"]),
        from: read.email("from"),
        to: read.recipients("to"),
      };
    case "MAIL_FOLDER":
      return { name, kind, folder: read.text("folder"), from: read.email("from"), to: read.recipients("to") };
    case "WEBHOOK":
      return { name, kind, url: read.url("url", ["https:", "http:"]), secret: read.secret("secret") };
    default:
      return { name, kind, url: read.url("url", ["https:", "http:"]) };
  }
};

/**
 * Reads the alert channels of the server's configuration: a JSON array of `{ name, kind, … }` (see
 * `AlertChannelConfig`). Each problem is pushed naming the field (`ALERT_CHANNELS[1].url must be …`); URLs, SMTP
 * passwords and secrets are never echoed. Answers the valid channels.
 */
export const readAlertChannels = (
  raw: string,
  problems: string[],
  source = "ALERT_CHANNELS",
): AlertChannelConfig[] => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    // The parser's message quotes the text, which may hold a secret.
    problems.push(`${source} must be a JSON array of channels ({ "name", "kind", … })`);
    return [];
  }
  if (!Array.isArray(parsed) || parsed.length > MAX_CHANNELS) {
    problems.push(`${source} must be a JSON array of at most ${MAX_CHANNELS} channels`);
    return [];
  }
  const channels: AlertChannelConfig[] = [];
  const names = new Set<string>();
  parsed.forEach((item: unknown, index) => {
    const path = `${source}[${index}]`;
    if (item === null || typeof item !== "object" || Array.isArray(item)) {
      problems.push(`${path} must be an object with name and kind`);
      return;
    }
    const { name, kind } = item as Item;
    const before = problems.length;
    if (typeof name !== "string" || !NAME.test(name))
      problems.push(`${path}.name must be 1 to 63 letters, digits, '.', '_' or '-'`);
    else if (names.has(name)) problems.push(`${path}.name "${name}" is used by an earlier channel`);
    if (!(ALERT_CHANNEL_KINDS as readonly unknown[]).includes(kind)) {
      problems.push(`${path}.kind must be one of ${ALERT_CHANNEL_KINDS.join(", ")}`);
      return;
    }
    const channel = readChannel(path, item as Item, String(name), kind as AlertChannelKind, problems);
    if (problems.length === before) {
      names.add(channel.name);
      channels.push(channel);
    }
  });
  return channels;
};
