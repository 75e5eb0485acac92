import { ErrorWatchError } from "./errors.js";

/** The error watch's settings, read from the environment. */
export interface WatchConfig {
  /** The gateway's GraphQL endpoint (`FLOWDOCTOR_URL`), e.g. `http://127.0.0.1:4000/graphql`. */
  readonly url: string;
  /** The platform login e-mail (`FLOWDOCTOR_EMAIL`). */
  readonly email: string;
  /** The platform API key (`FLOWDOCTOR_API_KEY`); never logged. */
  readonly apiKey: string;
  /** Pause between cycles in ms. @default 300000 (`WATCH_INTERVAL_MS`, 5 minutes) */
  readonly intervalMs: number;
  /** How far back the first cycle looks for errors, in ms. @default 86400000 (`WATCH_LOOKBACK_MS`, 24 hours) */
  readonly lookbackMs: number;
}

type Env = Readonly<Record<string, string | undefined>>;

const required = (env: Env, name: string, problems: string[]): string => {
  const value = env[name]?.trim() ?? "";
  if (value === "") problems.push(`${name} is required`);
  return value;
};

const integer = (
  env: Env,
  name: string,
  fallback: number,
  [min, max]: [number, number],
  problems: string[],
) => {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (/^\d+$/.test(raw) && value >= min && value <= max) return value;
  problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  return fallback;
};

/** Reads and checks the settings; one `ERROR_WATCH_INVALID_CONFIG` lists every problem, naming the variable. */
export const loadWatchConfig = (env: Env): WatchConfig => {
  const problems: string[] = [];
  const config: WatchConfig = {
    url: required(env, "FLOWDOCTOR_URL", problems),
    email: required(env, "FLOWDOCTOR_EMAIL", problems),
    apiKey: required(env, "FLOWDOCTOR_API_KEY", problems),
    intervalMs: integer(env, "WATCH_INTERVAL_MS", 300_000, [1_000, 86_400_000], problems),
    lookbackMs: integer(env, "WATCH_LOOKBACK_MS", 86_400_000, [60_000, 30 * 86_400_000], problems),
  };
  if (config.url !== "" && !/^https?:\/\/[^/]/.test(config.url)) {
    problems.push(`FLOWDOCTOR_URL must be an http(s) URL such as http://127.0.0.1:4000/graphql`);
  }
  if (problems.length > 0) {
    throw new ErrorWatchError("ERROR_WATCH_INVALID_CONFIG", `Invalid configuration: ${problems.join("; ")}`);
  }
  return config;
};
