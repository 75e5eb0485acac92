import {
  type InboxError,
  InboxError as InboxErrorClass,
  type Snooze,
  type StateChange,
} from "@flowdoctor/inbox";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { GatewayGraphQLError } from "../../errors.js";
import { groupErrorsScan } from "../error/group-errors-scan.js";
import { ErrorGroupStatusType, toStatus } from "./error-group-status.type.js";
import { inboxOf } from "./group-statuses.js";
import { type ErrorGroupSnoozeInput, SetErrorGroupStateInput } from "./set-state.input.js";

const snoozeOf = (input: ErrorGroupSnoozeInput | null | undefined): Snooze | undefined => {
  if (input == null) return undefined;
  if ((input.rateCount == null) !== (input.rateHours == null))
    throw new GatewayGraphQLError("BAD_USER_INPUT", "snooze: rateCount and rateHours go together", {
      details: { field: input.rateCount == null ? "snooze.rateCount" : "snooze.rateHours" },
    });
  return {
    ...(input.until == null ? {} : { until: new Date(input.until) }),
    ...(input.occurrences == null ? {} : { occurrences: input.occurrences }),
    ...(input.rateCount == null || input.rateHours == null
      ? {}
      : { rate: { count: input.rateCount, hours: input.rateHours } }),
  };
};

const isNotFound = (error: unknown): error is InboxError =>
  error instanceof InboxErrorClass && error.code === "NOT_FOUND";

/** Describes a group the live logs show, for the inbox to store it before its first change. */
const seenGroup = async (context: GatewayContext, workspaceId: string, fingerprint: string) => {
  const { groups } = await groupErrorsScan(context, workspaceId, null);
  const group = groups.find((candidate) => candidate.fingerprint === fingerprint);
  if (group === undefined) return undefined;
  return {
    flowId: group.flowId,
    ...(group.stepId === undefined ? {} : { stepId: group.stepId }),
    pattern: group.pattern,
    firstSeen: new Date(group.firstSeen),
    lastSeen: new Date(group.lastSeen),
    count: group.count,
  };
};

@Resolver()
export class InboxResolver {
  @Mutation(() => ErrorGroupStatusType, {
    description:
      "Sets an error group's state (resolve, ignore, snooze, reopen) with a note; remembers who and when. Authorised as `errorGroups`: FORBIDDEN unless you may read the workspace's logs. A group the inbox has not stored yet is looked up in the live logs first (NOT_FOUND when they have none).",
  })
  async setErrorGroupState(
    @Arg("input", () => SetErrorGroupStateInput, { description: "The group and its new state." })
    input: SetErrorGroupStateInput,
    @Ctx() context: GatewayContext,
  ): Promise<ErrorGroupStatusType> {
    const session = await context.session();
    if (!(await session.loaders.logsReadable.load(input.workspaceId)))
      throw new GatewayGraphQLError(
        "FORBIDDEN",
        `You may not read the logs of workspace ${input.workspaceId}, so you may not change its error groups.`,
      );
    const inbox = inboxOf(context);
    const snooze = snoozeOf(input.snooze);
    const change: StateChange = {
      workspaceId: input.workspaceId,
      fingerprint: input.fingerprint,
      state: input.state,
      by: session.user.id,
      now: new Date(),
      ...(input.note == null ? {} : { note: input.note }),
      ...(snooze === undefined ? {} : { snooze }),
    };
    try {
      const { group } = await inbox.changeGroupState(change);
      return toStatus({ state: group.state, stored: group });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      const seen = await seenGroup(context, input.workspaceId, input.fingerprint);
      if (seen === undefined) throw error;
      const { group } = await inbox.changeGroupState({ ...change, seen });
      return toStatus({ state: group.state, stored: group });
    }
  }
}
