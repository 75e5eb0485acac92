/**
 * What the watch remembers between cycles, in memory: per workspace the newest `lastSeen` it has handled,
 * and the groups (fingerprints) it has opened drafts for, so a recurring problem gets one draft.
 */
export interface WatchState {
  /** The newest error time handled in the workspace, or undefined before its first cycle. */
  watermark(workspaceId: string): string | undefined;
  /** Whether a group's latest error is newer than the workspace's watermark. */
  isNew(workspaceId: string, lastSeen: string): boolean;
  /** Moves the workspace's watermark forward (never back). */
  advance(workspaceId: string, lastSeen: string): void;
  hasDraft(fingerprint: string): boolean;
  markDrafted(fingerprint: string): void;
}

/** A fresh, empty state. */
export const createWatchState = (): WatchState => {
  const watermarks = new Map<string, number>();
  const drafted = new Set<string>();
  return {
    watermark: (workspaceId) => {
      const time = watermarks.get(workspaceId);
      return time === undefined ? undefined : new Date(time).toISOString();
    },
    isNew: (workspaceId, lastSeen) =>
      Date.parse(lastSeen) > (watermarks.get(workspaceId) ?? Number.NEGATIVE_INFINITY),
    advance: (workspaceId, lastSeen) => {
      const time = Date.parse(lastSeen);
      if (time > (watermarks.get(workspaceId) ?? Number.NEGATIVE_INFINITY)) watermarks.set(workspaceId, time);
    },
    hasDraft: (fingerprint) => drafted.has(fingerprint),
    markDrafted: (fingerprint) => {
      drafted.add(fingerprint);
    },
  };
};
