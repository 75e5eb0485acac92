// The app's URL pattern `{appURL}/c/{CONTRACT}/w/{WORKSPACE}/designer/{FLOW}/v/{latest|VERSION}` (§4.1): how users
// find the ids a ticket needs, and how support opens the flow.
import type { ObjectId } from "../model/platform.js";
import type { FlowVersionRef } from "./ticket.js";

const OBJECT_ID = /^[0-9a-fA-F]{24}$/;

/** The ids an app URL carries. */
export interface AppUrlIds {
  readonly contractId?: ObjectId;
  readonly workspaceId?: ObjectId;
  readonly flowId?: ObjectId;
  readonly flowVersion?: FlowVersionRef;
}

/**
 * The app path of a flow, `/c/{contract}/w/{workspace}/designer/{flow}`, prefixed with `appUrl` when given;
 * `undefined` unless all three ids are well-formed.
 */
export const ticketAppPath = (
  ids: { readonly contractId?: unknown; readonly workspaceId?: unknown; readonly flowId?: unknown },
  appUrl = "",
): string | undefined => {
  const parts = [ids.contractId, ids.workspaceId, ids.flowId];
  if (!parts.every((id) => typeof id === "string" && OBJECT_ID.test(id))) return undefined;
  const [contract, workspace, flow] = parts as [string, string, string];
  return `${appUrl.replace(/\/+$/, "")}/c/${contract}/w/${workspace}/designer/${flow}`;
};

/**
 * Reads contract, workspace and flow ids and the flow version from an app URL or path a user pasted, e.g.
 * `https://app.example.io/c/…/w/…/designer/…/v/latest`; ids that are not in it are left out.
 */
export const idsFromAppUrl = (url: string): AppUrlIds => {
  const contractId = /\/c\/([0-9a-fA-F]{24})(?=[/?#]|$)/.exec(url)?.[1];
  const workspaceId = /\/w\/([0-9a-fA-F]{24})(?=[/?#]|$)/.exec(url)?.[1];
  const designer =
    /\/designer\/([0-9a-fA-F]{24})(?:\/v\/([0-9a-fA-F]{40}|latest)|\/(draft))?(?=[/?#]|$)/.exec(url);
  const flowVersion = designer?.[2] ?? designer?.[3];
  return {
    ...(contractId === undefined ? {} : { contractId }),
    ...(workspaceId === undefined ? {} : { workspaceId }),
    ...(designer?.[1] === undefined ? {} : { flowId: designer[1] }),
    ...(flowVersion === undefined ? {} : { flowVersion }),
  };
};
