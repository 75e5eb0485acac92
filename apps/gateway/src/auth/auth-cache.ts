import { createHash } from "node:crypto";
import type { User } from "@flowdoctor/core";
import type { Credentials } from "./parse-authorization.js";

/** Options of {@link createAuthCache}. */
export interface AuthCacheOptions {
  /** How long a successful check is trusted, in ms; 0 turns the cache off. */
  readonly ttlMs: number;
  /** The most entries kept; the oldest go first. @default 10000 */
  readonly maxEntries?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/** Remembers briefly which credentials the platform accepted, keyed by a hash, never by the key itself. */
export interface AuthCache {
  /** The user behind these credentials, checking them with `check` unless a recent check is cached. */
  resolve(credentials: Credentials, check: () => Promise<User>): Promise<User>;
  readonly size: () => number;
}

/** A hash naming one caller's credentials, for keys of caches scoped to a caller; never the key itself. */
export const credentialsKey = (credentials: Credentials): string =>
  createHash("sha256").update(credentials.email).update("\u0000").update(credentials.apiKey).digest("hex");

/** Creates the cache. Failed checks are not cached; concurrent checks of the same credentials share one call. */
export const createAuthCache = (options: AuthCacheOptions): AuthCache => {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? 10_000;
  const entries = new Map<string, { user: Promise<User>; expiresAt: number }>();
  const resolve = (credentials: Credentials, check: () => Promise<User>): Promise<User> => {
    const key = credentialsKey(credentials);
    const cached = entries.get(key);
    if (cached && cached.expiresAt > now()) return cached.user;
    entries.delete(key);
    const user = check();
    if (options.ttlMs <= 0) return user;
    entries.set(key, { user, expiresAt: now() + options.ttlMs });
    user.catch(() => entries.delete(key));
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value as string);
    return user;
  };
  return { resolve, size: () => entries.size };
};
