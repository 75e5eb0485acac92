import type { GroupState, InboxStore } from "@flowdoctor/inbox";
import type { GatewayContext } from "../../context.js";
import { GatewayGraphQLError } from "../../errors.js";
import type { ErrorGroupStatusData } from "./error-group-status.type.js";

const UNSTORED: ErrorGroupStatusData = { state: "NEW", stored: undefined };

/** The inbox of the request's gateway; INTERNAL when the context was built without a store. */
export const inboxOf = (context: GatewayContext): InboxStore => {
  if (context.inbox === undefined)
    throw new GatewayGraphQLError("INTERNAL", "The error inbox is not available in this gateway.");
  return context.inbox;
};

/** Each group with its stored status (NEW and unstored when the inbox has none), read in one query. */
export const withStatuses = async <TGroup extends { readonly fingerprint: string }>(
  context: GatewayContext,
  workspaceId: string,
  groups: readonly TGroup[],
): Promise<(TGroup & { readonly status: ErrorGroupStatusData })[]> => {
  const stored = await inboxOf(context).readGroupStates(
    workspaceId,
    groups.map((group) => group.fingerprint),
  );
  return groups.map((group) => {
    const row = stored.get(group.fingerprint);
    return { ...group, status: row === undefined ? UNSTORED : { state: row.state, stored: row } };
  });
};

/** Only the groups in one of `states` (all when none are given). */
export const inStates = <TGroup extends { readonly status: ErrorGroupStatusData }>(
  groups: readonly TGroup[],
  states: readonly GroupState[] | null | undefined,
): TGroup[] =>
  states == null || states.length === 0
    ? [...groups]
    : groups.filter((group) => states.includes(group.status.state));
