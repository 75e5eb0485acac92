import type { Component } from "@flowdoctor/core";
import { createTtlCache, type TtlCache } from "./ttl-cache.js";

/** Options of {@link createComponentCache}. */
export interface ComponentCacheOptions {
  /** How long component definitions are kept, in ms; 0 turns the cache off. */
  readonly ttlMs: number;
  /** The most entries kept (per kind), oldest first out. @default 10000 */
  readonly maxEntries?: number;
  /** @default Date.now */
  readonly now?: () => number;
}

/**
 * Component definitions across requests. Every key starts with the caller's credentials key: what one caller may
 * read is never served to another, so the platform's access rules hold as they did when the entry was loaded.
 */
export interface ComponentCache {
  /** One component as this caller reads it. */
  readonly byId: TtlCache<Component>;
  /** The components a workspace may use, by id, as this caller reads them. */
  readonly byWorkspace: TtlCache<ReadonlyMap<string, Component>>;
}

/** Creates the gateway's component cache. */
export const createComponentCache = (options: ComponentCacheOptions): ComponentCache => {
  const cacheOptions = {
    ttlMs: options.ttlMs,
    maxEntries: options.maxEntries ?? 10_000,
    ...(options.now ? { now: options.now } : {}),
  };
  return { byId: createTtlCache(cacheOptions), byWorkspace: createTtlCache(cacheOptions) };
};
