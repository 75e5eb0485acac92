import type { LogEntry } from "@flowdoctor/core";
import {
  createPlatformClient,
  type PlatformClient,
  type PlatformClientOptions,
} from "@flowdoctor/platform-client";
import type { WatchCredentials } from "./sealed-credentials.js";

/** What the watcher reads of one workspace on the platform. */
export interface WatchSource {
  /** One page of error and fatal entries from `from` to `to` (both inclusive), newest first. */
  listErrors(query: {
    readonly from: Date;
    readonly to: Date;
    readonly offset: number;
    readonly limit: number;
  }): Promise<{ readonly entries: readonly LogEntry[]; readonly hasMore: boolean }>;
  /** Each flow's version in force (`latestVersionId`), by flow id. */
  flowVersions(): Promise<Map<string, string>>;
}

/** Opens the source of a watched workspace as its credentials. */
export interface WatchSources {
  sourceFor(workspaceId: string, credentials: WatchCredentials): WatchSource;
  close(): Promise<void>;
}

const ERROR_LEVELS = [50, 60];

const sourceOf = (client: PlatformClient, workspaceId: string): WatchSource => ({
  listErrors: async ({ from, to, offset, limit }) => {
    const page = await client.listLogs({
      workspaceId,
      levels: ERROR_LEVELS,
      from: from.toISOString(),
      to: to.toISOString(),
      offset,
      limit,
    });
    return { entries: page.entries, hasMore: page.hasMore };
  },
  flowVersions: async () => {
    const versions = new Map<string, string>();
    for await (const flow of client.iterateFlows({ workspaceId }))
      if (flow.latestVersionId !== undefined) versions.set(flow.id, flow.latestVersionId);
    return versions;
  },
});

/** Platform clients per watched workspace, kept between cycles (one connection pool each) until `close`. */
export const platformWatchSources = (
  options: Omit<PlatformClientOptions, "email" | "apiKey">,
): WatchSources => {
  const clients = new Map<string, { readonly key: string; readonly client: PlatformClient }>();
  return {
    sourceFor: (workspaceId, credentials) => {
      const key = `${credentials.email}\u0000${credentials.apiKey}`;
      let held = clients.get(workspaceId);
      if (held === undefined || held.key !== key) {
        void held?.client.close();
        held = { key, client: createPlatformClient({ ...options, ...credentials }) };
        clients.set(workspaceId, held);
      }
      return sourceOf(held.client, workspaceId);
    },
    close: async () => {
      await Promise.all([...clients.values()].map((held) => held.client.close()));
      clients.clear();
    },
  };
};
