import { type LogEntry, logLevelName } from "@flowdoctor/core";
import type { PlatformSession } from "../../auth/create-session.js";
import { cleanMessage } from "../log/to-log-entry.js";
import type { EntryClassifier, ErrorFacts } from "./classify-entry.js";
import type { FlowErrorData } from "./flow-error.type.js";

/** The workspace and its flows, for classification: two loader calls, shared by everything in the request. */
export const loadErrorFacts = async (session: PlatformSession, workspaceId: string): Promise<ErrorFacts> => {
  const [workspace, flows] = await Promise.all([
    session.loaders.workspace.load(workspaceId),
    session.loaders.workspaceFlows.load(workspaceId),
  ]);
  return { workspace, flows, now: new Date().toISOString() };
};

// Object.assign, not `{ ...entry, … }`: a spread followed by more keys measured 3 to 15 times slower on Node 20
// (1 to 6 ms against 0.3 ms per 1,000 entries), and a scan copies thousands.
/** A platform error entry as a `FlowError`, classified by `classify` when a field asks. */
export const toFlowError = (entry: LogEntry, classify: EntryClassifier): FlowErrorData =>
  Object.assign({}, entry, {
    levelName: logLevelName(entry.level),
    message: cleanMessage(entry.message),
    classify,
  });
