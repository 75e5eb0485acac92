import { request } from "undici";
import type { Emulator, EmulatorUser } from "../server/create-emulator.js";

/** One answer of the emulator, parsed. */
export interface TestAnswer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  // biome-ignore lint/suspicious/noExplicitAny: tests read JSON documents of many shapes
  readonly body: any;
}

/** The Basic header of a seeded user. */
export const basicAuth = (user: Pick<EmulatorUser, "email" | "apiKey">): string =>
  `Basic ${Buffer.from(`${user.email}:${user.apiKey}`).toString("base64")}`;

/** The seeded user with an e-mail. */
export const userByEmail = (emulator: Emulator, email: string): EmulatorUser => {
  const user = emulator.users.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`no seeded user ${email}`);
  return user;
};

/** Calls the emulator over real HTTP as a user (or without auth when `as` is undefined). */
export const call = async (
  emulator: Emulator,
  path: string,
  options: {
    as?: Pick<EmulatorUser, "email" | "apiKey">;
    method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
    body?: unknown;
    headers?: Record<string, string>;
  } = {},
): Promise<TestAnswer> => {
  const headers: Record<string, string> = { accept: "application/json", ...options.headers };
  if (options.as) headers.authorization = basicAuth(options.as);
  if (options.body !== undefined) headers["content-type"] ??= "application/json";
  const response = await request(`${emulator.url}${path}`, {
    method: options.method ?? "GET",
    headers,
    ...(options.body === undefined
      ? {}
      : { body: typeof options.body === "string" ? options.body : JSON.stringify(options.body) }),
  });
  const text = await response.body.text();
  return {
    status: response.statusCode,
    headers: response.headers,
    body: text === "" ? undefined : JSON.parse(text),
  };
};

export const ALICE = "alice@acme.example";
export const BOB = "bob@globex.example";
export const GINA = "gina@acme.example";
export const CARL = "carl@acme.example";
export const TESS = "tess@tenant.example";

/** A fixed "now" so tests are deterministic. */
export const TEST_NOW = new Date("2026-03-02T12:00:00.000Z");
