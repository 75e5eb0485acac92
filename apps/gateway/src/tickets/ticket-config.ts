import { tmpdir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import {
  DELIVERY_CHANNELS,
  type DeliveryChannelName,
  isStandardWebhookSecret,
  standardSecretProblem,
} from "@flowdoctor/tickets";

/** How tickets are stored and delivered; read from the environment by {@link readTicketConfig}. */
export interface TicketConfig {
  /**
   * The embedded store's folder (PGlite in `<dataDir>/pglite`); `memory://` keeps it in memory.
   * @default "<cwd>/.flowdoctor" (`DATA_DIR`); under vitest `memory://`, so parallel test files never share a folder
   */
  readonly dataDir: string;
  /** @default "mail-folder" (`TICKET_DELIVERY`: mail-folder, smtp or webhook) */
  readonly delivery: DeliveryChannelName;
  /** Where tickets go. @default "support@elastic.io" (`SUPPORT_EMAIL`) */
  readonly supportEmail: string;
  /** The sender of ticket e-mails. @default "flowdoctor@localhost" (`TICKET_FROM_EMAIL`) */
  readonly fromEmail: string;
  /** The folder of `.eml` files for `mail-folder`. @default "<dataDir>/mail" (`MAIL_FOLDER`) */
  readonly mailFolder: string;
  /** `smtp://user:pass@host:587` or `smtps://…`; required for `smtp` (`SMTP_URL`). */
  readonly smtpUrl?: string;
  /** The help desk endpoint; required for `webhook` (`TICKET_WEBHOOK_URL`). */
  readonly webhookUrl?: string;
  /**
   * The HMAC key, at least 16 characters; required for `webhook` (`TICKET_WEBHOOK_SECRET`). `whsec_<base64>` signs
   * the Standard Webhooks way.
   */
  readonly webhookSecret?: string;
  /** Delivery attempts before a ticket's delivery counts as failed. @default 8 (`TICKET_MAX_ATTEMPTS`) */
  readonly maxAttempts: number;
  /** The first retry delay in ms, doubling per attempt up to 10 minutes. @default 5000 (`TICKET_RETRY_BASE_MS`) */
  readonly retryBaseMs: number;
  /** The least time between two follow-ups of one delivered ticket. @default 60 (`TICKET_FOLLOW_UP_MINUTES`) */
  readonly followUpMinutes: number;
  /** Whether this replica runs an outbox worker. @default true (`TICKET_WORKER=off` disables it) */
  readonly runWorker: boolean;
  /** Connections this replica opens to `DATABASE_URL` at most. @default 10 (`DATABASE_POOL_SIZE`) */
  readonly poolSize: number;
}

type Env = Readonly<Record<string, string | undefined>>;

const MEMORY = "memory://";
const EMAIL = /^[^\s@<>]+@[^\s@<>]+$/;

const text = (env: Env, name: string): string | undefined => {
  const value = env[name]?.trim();
  return value === undefined || value === "" ? undefined : value;
};

const url = (
  env: Env,
  name: string,
  protocols: readonly string[],
  problems: string[],
): string | undefined => {
  const raw = text(env, name);
  if (raw === undefined) return undefined;
  if (URL.canParse(raw) && protocols.includes(new URL(raw).protocol)) return raw;
  // The value is not echoed: it may carry a password.
  problems.push(`${name} must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`);
  return undefined;
};

const email = (env: Env, name: string, fallback: string, problems: string[]): string => {
  const raw = text(env, name) ?? fallback;
  if (EMAIL.test(raw)) return raw;
  problems.push(`${name} must be an e-mail address such as support@example.com (got "${raw}")`);
  return fallback;
};

const integer = (
  env: Env,
  name: string,
  range: { fallback: number; min: number; max: number },
  problems: string[],
) => {
  const raw = text(env, name);
  if (raw === undefined) return range.fallback;
  const value = Number(raw);
  if (/^\d+$/.test(raw) && value >= range.min && value <= range.max) return value;
  problems.push(`${name} must be an integer from ${range.min} to ${range.max} (got "${raw}")`);
  return range.fallback;
};

const delivery = (env: Env, problems: string[]): DeliveryChannelName => {
  const raw = text(env, "TICKET_DELIVERY")?.toLowerCase() ?? "mail-folder";
  if ((DELIVERY_CHANNELS as readonly string[]).includes(raw)) return raw as DeliveryChannelName;
  problems.push(`TICKET_DELIVERY must be one of ${DELIVERY_CHANNELS.join(", ")} (got "${raw}")`);
  return "mail-folder";
};

const requireFor = (config: TicketConfig, problems: string[]): void => {
  if (config.delivery === "smtp" && config.smtpUrl === undefined)
    problems.push(
      "SMTP_URL is required when TICKET_DELIVERY=smtp (e.g. smtp://user:pass@mail.example.com:587)",
    );
  if (config.delivery !== "webhook") return;
  if (config.webhookUrl === undefined)
    problems.push("TICKET_WEBHOOK_URL is required when TICKET_DELIVERY=webhook");
  const secret = config.webhookSecret ?? "";
  if (secret.length < 16)
    problems.push("TICKET_WEBHOOK_SECRET of at least 16 characters is required when TICKET_DELIVERY=webhook");
  const standardProblem = isStandardWebhookSecret(secret) ? standardSecretProblem(secret) : undefined;
  // The value is not echoed: it is a secret.
  if (standardProblem !== undefined)
    problems.push(`TICKET_WEBHOOK_SECRET ${standardProblem} (e.g. whsec_ and 32 random bytes in base64)`);
};

/** Reads the ticket variables; each broken one adds a problem naming the variable and its rule. */
export const readTicketConfig = (env: Env, problems: string[], cwd = process.cwd()): TicketConfig => {
  const rawDir = text(env, "DATA_DIR") ?? (process.env.VITEST === undefined ? ".flowdoctor" : MEMORY);
  const inMemory = rawDir.startsWith(MEMORY);
  const dataDir = inMemory || isAbsolute(rawDir) ? rawDir : resolve(cwd, rawDir);
  const smtpUrl = url(env, "SMTP_URL", ["smtp:", "smtps:"], problems);
  const webhookUrl = url(env, "TICKET_WEBHOOK_URL", ["http:", "https:"], problems);
  const webhookSecret = text(env, "TICKET_WEBHOOK_SECRET");
  const mailFolder = text(env, "MAIL_FOLDER");
  const config: TicketConfig = {
    dataDir,
    delivery: delivery(env, problems),
    supportEmail: email(env, "SUPPORT_EMAIL", "support@elastic.io", problems),
    fromEmail: email(env, "TICKET_FROM_EMAIL", "flowdoctor@localhost", problems),
    mailFolder: resolve(
      cwd,
      mailFolder ?? (inMemory ? join(tmpdir(), "flowdoctor-mail") : join(dataDir, "mail")),
    ),
    ...(smtpUrl === undefined ? {} : { smtpUrl }),
    ...(webhookUrl === undefined ? {} : { webhookUrl }),
    ...(webhookSecret === undefined ? {} : { webhookSecret }),
    maxAttempts: integer(env, "TICKET_MAX_ATTEMPTS", { fallback: 8, min: 1, max: 100 }, problems),
    retryBaseMs: integer(env, "TICKET_RETRY_BASE_MS", { fallback: 5000, min: 10, max: 3_600_000 }, problems),
    followUpMinutes: integer(
      env,
      "TICKET_FOLLOW_UP_MINUTES",
      { fallback: 60, min: 1, max: 10_080 },
      problems,
    ),
    runWorker: text(env, "TICKET_WORKER")?.toLowerCase() !== "off",
    poolSize: integer(env, "DATABASE_POOL_SIZE", { fallback: 10, min: 2, max: 200 }, problems),
  };
  requireFor(config, problems);
  return config;
};
