import { fingerprintError } from "@flowdoctor/core";
import type { PlatformSession } from "../../auth/create-session.js";
import type { ErrorFacts } from "./classify-entry.js";
import type { FlowErrorData } from "./flow-error.type.js";
import type { ScannedError } from "./scan-errors.js";

/** The workspace and its flows, for classification: two loader calls, shared by everything in the request. */
export const loadErrorFacts = async (session: PlatformSession, workspaceId: string): Promise<ErrorFacts> => {
  const [workspace, flows] = await Promise.all([
    session.loaders.workspace.load(workspaceId),
    session.loaders.workspaceFlows.load(workspaceId),
  ]);
  return { workspace, flows, now: new Date().toISOString() };
};

/** A scanned entry as a `FlowError`. */
export const toFlowError = (item: ScannedError): FlowErrorData => ({
  ...item.entry,
  classification: item.classification,
  fingerprint: fingerprintError({
    message: item.entry.message,
    flowId: item.entry.flowId,
    stepId: item.entry.stepId,
  }),
});
