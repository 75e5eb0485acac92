import { readSecretKey, type WatchConfig } from "@flowdoctor/inbox";

/** Which workspaces the inbox's watcher reads, as whom, and how often; read by {@link readInboxConfig}. */
export interface InboxConfig {
  /**
   * The workspaces to watch and the platform user to read each as:
   * `<workspaceId>=<email>:<apiKey>`, comma-separated (`INBOX_WATCH`). @default [] (no watcher)
   */
  readonly watches: readonly WatchConfig[];
  /** The key the watches' credentials are sealed with in the store; required with `INBOX_WATCH` (`INBOX_SECRET_KEY`). */
  readonly secretKey?: Buffer;
  /** How often the watcher reads the watched workspaces, in ms. @default 60000 (`INBOX_WATCH_INTERVAL_MS`) */
  readonly intervalMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

const WATCH = /^([0-9a-f]{24})=([^\s:,]+@[^\s:,]+):([^\s,]+)$/i;

const readWatches = (raw: string | undefined, problems: string[]): WatchConfig[] => {
  const items = (raw ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter((item) => item !== "");
  const watches: WatchConfig[] = [];
  items.forEach((item, index) => {
    const match = WATCH.exec(item);
    // The value is not echoed: it holds an API key.
    if (match === null)
      problems.push(
        `INBOX_WATCH item ${index + 1} must be <workspaceId>=<email>:<apiKey> (a 24-hex workspace id, the e-mail and API key of a user who may read its logs)`,
      );
    else
      watches.push({
        workspaceId: match[1] as string,
        email: match[2] as string,
        apiKey: match[3] as string,
      });
  });
  return watches;
};

const readInterval = (raw: string | undefined, problems: string[]): number => {
  if (raw === undefined || raw.trim() === "") return 60_000;
  const value = Number(raw);
  if (/^\d+$/.test(raw.trim()) && value >= 1000 && value <= 86_400_000) return value;
  problems.push(`INBOX_WATCH_INTERVAL_MS must be an integer from 1000 to 86400000 (got "${raw}")`);
  return 60_000;
};

/** Reads the inbox variables; each broken one adds a problem naming the variable, never echoing a secret. */
export const readInboxConfig = (env: Env, problems: string[]): InboxConfig => {
  const watches = readWatches(env.INBOX_WATCH, problems);
  const rawKey = env.INBOX_SECRET_KEY?.trim();
  let secretKey: Buffer | undefined;
  if (rawKey !== undefined && rawKey !== "") {
    try {
      secretKey = readSecretKey(rawKey);
    } catch (error) {
      problems.push((error as Error).message);
    }
  } else if (watches.length > 0)
    problems.push(
      "INBOX_SECRET_KEY is required with INBOX_WATCH: 32 random bytes in base64 (openssl rand -base64 32)",
    );
  return {
    watches,
    ...(secretKey === undefined ? {} : { secretKey }),
    intervalMs: readInterval(env.INBOX_WATCH_INTERVAL_MS, problems),
  };
};
