import {
  type DiagnosisPort,
  type EndpointProbe,
  type FlowVersion,
  type LogEntry,
  redactObject,
  redactSecrets,
} from "@flowdoctor/core";
import type { PlatformSession } from "../auth/create-session.js";
import { withPublicMessage } from "../upstream/describe-upstream-error.js";

/** Options of {@link createDiagnosisPort}. */
export interface DiagnosisPortOptions {
  /** Most log entries read for one window; the platform itself counts at most 10,000. @default 10000 */
  readonly maxLogEntries?: number;
  readonly probe?: (url: string) => Promise<EndpointProbe>;
}

const LOG_PAGE_SIZE = 1_000;
// A flow's history beyond this many versions is not read; the change behind a problem is among the recent ones.
const MAX_FLOW_VERSIONS = 500;
// Inside the diagnosis' default 10 s budget per check, so a slow verification reports itself instead of timing out.
const VERIFY_DEADLINE_MS = 9_000;

interface LogWindow {
  readonly workspaceId: string;
  readonly from: string;
  readonly to: string;
  readonly flowIds?: readonly string[];
}

// A check that fails keeps the error's message as its note: the platform's REST paths must not show there.
const withPublicErrors = (port: DiagnosisPort): DiagnosisPort => {
  const wrapped: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(port)) {
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await (method as (...inputs: unknown[]) => Promise<unknown>)(...args);
      } catch (error) {
        throw withPublicMessage(error);
      }
    };
  }
  return wrapped as unknown as DiagnosisPort;
};

/**
 * The diagnosis engine's view of the platform, over the caller's session: entities come through the request's
 * loaders (each id once per request) and each log window is read once, so diagnosing many flows of a workspace
 * costs one pass over its logs.
 */
export const createDiagnosisPort = (session: PlatformSession, options: DiagnosisPortOptions = {}) => {
  const { client, loaders } = session;
  const maxEntries = options.maxLogEntries ?? 10_000;
  const windows = new Map<string, Promise<readonly LogEntry[]>>();

  // Large pages: a 10,000-entry window is 10 requests instead of 100 at the API's default of 100.
  const readWindow = async (window: LogWindow): Promise<readonly LogEntry[]> => {
    const entries: LogEntry[] = [];
    for (let offset = 0; entries.length < maxEntries; ) {
      const page = await client.listLogs({
        ...window,
        offset,
        limit: Math.min(LOG_PAGE_SIZE, maxEntries - entries.length),
      });
      // Redacted here, whole: the diagnosis quotes messages cut short (a finding's detail, its evidence), and a
      // secret cut in two no longer has its shape, so redacting the answer afterwards would miss its first part.
      entries.push(...page.entries.map((entry) => ({ ...entry, message: redactSecrets(entry.message) })));
      if (!page.hasMore) break;
      offset += page.entries.length;
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

  const versions = new Map<string, Promise<readonly FlowVersion[]>>();
  // Read once per flow and request, however many error groups and verdicts ask.
  const versionsOf = (flowId: string): Promise<readonly FlowVersion[]> => {
    let found = versions.get(flowId);
    if (!found) {
      found = (async () => {
        const all: FlowVersion[] = [];
        for await (const version of client.iterateFlowVersions(flowId)) {
          all.push(version);
          if (all.length >= MAX_FLOW_VERSIONS) break;
        }
        return all;
      })();
      versions.set(flowId, found);
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
    flowVersions: versionsOf,
    logs: async ({ flowId, workspaceId, from, to }) => {
      if (!workspaceWide.has(`${workspaceId}|${from}|${to}`))
        return logsOf({ workspaceId, from, to, flowIds: [flowId] });
      return (await logsOf({ workspaceId, from, to })).filter((entry) => entry.flowId === flowId);
    },
    // The platform's reason for a failed verification may quote the credential; the diagnosis cuts it short (see the
    // log messages above), so it is redacted before.
    verifyCredential: async (credentialId) =>
      redactObject(await client.verifyStoredCredential(credentialId, { deadlineMs: VERIFY_DEADLINE_MS })),
    ...(options.probe ? { probeEndpoint: options.probe } : {}),
  };
  return {
    port: withPublicErrors(port),
    /** Reads the whole workspace's logs of a window in one pass, for diagnosing many of its flows. */
    shareWorkspaceLogs: (workspaceId: string, from: string, to: string) => {
      workspaceWide.add(`${workspaceId}|${from}|${to}`);
    },
  };
};
