import type { DiagnosisPort, EndpointProbe, LogEntry } from "@flowdoctor/core";
import type { PlatformSession } from "../auth/create-session.js";

/** Options of {@link createDiagnosisPort}. */
export interface DiagnosisPortOptions {
  /** Most log entries read for one window; the platform itself counts at most 10,000. @default 10000 */
  readonly maxLogEntries?: number;
  readonly probe?: (url: string) => Promise<EndpointProbe>;
}

interface LogWindow {
  readonly workspaceId: string;
  readonly from: string;
  readonly to: string;
  readonly flowIds?: readonly string[];
}

/**
 * The diagnosis engine's view of the platform, over the caller's session: entities come through the request's
 * loaders (each id once per request) and each log window is read once, so diagnosing many flows of a workspace
 * costs one pass over its logs.
 */
export const createDiagnosisPort = (session: PlatformSession, options: DiagnosisPortOptions = {}) => {
  const { client, loaders } = session;
  const maxEntries = options.maxLogEntries ?? 10_000;
  const windows = new Map<string, Promise<readonly LogEntry[]>>();

  const readWindow = async (window: LogWindow): Promise<readonly LogEntry[]> => {
    const entries: LogEntry[] = [];
    for await (const entry of client.iterateLogs(window)) {
      entries.push(entry);
      if (entries.length >= maxEntries) break;
    }
    return entries;
  };

  /** Reads a window of logs once per request; `flowIds` absent means the whole workspace. */
  const logsOf = (window: LogWindow): Promise<readonly LogEntry[]> => {
    const key = JSON.stringify([window.workspaceId, window.from, window.to, window.flowIds ?? null]);
    let found = windows.get(key);
    if (!found) {
      found = readWindow(window);
      windows.set(key, found);
    }
    return found;
  };

  const workspaceWide = new Set<string>();
  const port: DiagnosisPort = {
    flow: (id) => loaders.flow.load(id),
    workspace: (id) => loaders.workspace.load(id),
    contract: (id) => loaders.contract.load(id),
    queueStats: (flowId) => loaders.queueStats.load(flowId),
    dataSample: (id) => client.getDataSample(id),
    component: (id) => loaders.component.load(id),
    logs: async ({ flowId, workspaceId, from, to }) => {
      if (!workspaceWide.has(`${workspaceId}|${from}|${to}`))
        return logsOf({ workspaceId, from, to, flowIds: [flowId] });
      return (await logsOf({ workspaceId, from, to })).filter((entry) => entry.flowId === flowId);
    },
    ...(options.probe ? { probeEndpoint: options.probe } : {}),
  };
  return {
    port,
    /** Reads the whole workspace's logs of a window in one pass, for diagnosing many of its flows. */
    shareWorkspaceLogs: (workspaceId: string, from: string, to: string) => {
      workspaceWide.add(`${workspaceId}|${from}|${to}`);
    },
  };
};
