import type { GroupEventKind, LiveEvent } from "@flowdoctor/inbox";
import { Arg, ID, Resolver, Root, Subscription } from "type-graphql";
import type { PlatformSession } from "../../auth/create-session.js";
import type { GatewayContext } from "../../context.js";
import { GatewayGraphQLError } from "../../errors.js";
import { codeOfUpstreamError } from "../../graphql/upstream-error-code.js";
import { feedEvents } from "../../live/event-iterator.js";
import { toStatus } from "../inbox/error-group-status.type.js";
import { ErrorGroupEventKindEnum, ErrorGroupEventType } from "./error-group-event.type.js";

interface EventArgs {
  readonly workspaceId: string;
  readonly kinds?: readonly GroupEventKind[] | null;
  readonly after?: string | null;
}

/** An event id to resume after: a whole number, as `ErrorGroupEvent.id` gives it. */
const readAfter = (after: string | null | undefined): number | undefined => {
  if (after == null) return undefined;
  if (!/^(0|[1-9]\d{0,15})$/.test(after))
    throw new GatewayGraphQLError("BAD_USER_INPUT", "after must be an ErrorGroupEvent id (a whole number).", {
      details: { field: "after" },
    });
  return Number(after);
};

/** Whether the caller may read the workspace's logs, as `errorGroups` and `setErrorGroupState` decide it. */
const checkAccess = async (session: PlatformSession, workspaceId: string): Promise<void> => {
  if (!(await session.loaders.logsReadable.load(workspaceId)))
    throw new GatewayGraphQLError(
      "FORBIDDEN",
      `You may not read the logs of workspace ${workspaceId}, so you may not follow its error groups.`,
    );
};

const isRefusal = (error: unknown): boolean => {
  const code = error instanceof GatewayGraphQLError ? error.code : codeOfUpstreamError(error);
  return code === "UNAUTHENTICATED" || code === "FORBIDDEN";
};

/**
 * The events, checking access again before delivering one once `recheckMs` have passed since the last check: a
 * caller who lost access (or whose key was revoked) gets FORBIDDEN or UNAUTHENTICATED and the subscription ends. A
 * platform out of reach refuses nothing; the next event checks again.
 */
const recheckingAccess = (
  events: AsyncIterableIterator<LiveEvent>,
  recheck: () => Promise<void>,
  recheckMs: number,
): AsyncIterableIterator<LiveEvent> => {
  let checkedAt = Date.now();
  const iterator: AsyncIterableIterator<LiveEvent> = {
    next: async () => {
      const result = await events.next();
      if (result.done || Date.now() - checkedAt < recheckMs) return result;
      try {
        await recheck();
        checkedAt = Date.now();
      } catch (error) {
        if (!isRefusal(error)) return result;
        await events.return?.();
        throw error;
      }
      return result;
    },
    return: () => events.return?.() ?? Promise.resolve({ done: true, value: undefined }),
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
};

/** Authorised as `errorGroups` and `setErrorGroupState`: the platform must let the caller read the workspace's logs. */
const subscribeToEvents = async (context: GatewayContext, args: EventArgs) => {
  const afterId = readAfter(args.after);
  await checkAccess(await context.session(), args.workspaceId);
  const { live, freshSession } = context;
  if (live === undefined)
    throw new GatewayGraphQLError("INTERNAL", "Live updates are not available in this gateway.");
  const events = await feedEvents(
    live.feed,
    { workspaceId: args.workspaceId, ...(args.kinds == null ? {} : { kinds: args.kinds }) },
    afterId,
  );
  if (freshSession === undefined) return events;
  const recheck = async () => checkAccess(await freshSession(), args.workspaceId);
  return recheckingAccess(events, recheck, live.recheckMs);
};

const toEventType = (event: LiveEvent): ErrorGroupEventType => ({
  id: String(event.id),
  kind: event.kind,
  workspaceId: event.workspaceId,
  fingerprint: event.fingerprint,
  state: event.state,
  at: event.at,
  flowVersion: event.flowVersion,
  detail: event.detail,
  group:
    event.group === undefined
      ? null
      : {
          flowId: event.group.flowId,
          stepId: event.group.stepId,
          pattern: event.group.pattern,
          firstSeen: event.group.firstSeen,
          lastSeen: event.group.lastSeen,
          totalCount: event.group.totalCount,
          status: toStatus({ state: event.group.state, stored: event.group }),
        },
});

@Resolver()
export class ErrorGroupEventsResolver {
  @Subscription(() => ErrorGroupEventType, {
    description:
      "The error-group events of a workspace as the inbox records them (new, regressed, escalating groups, snoozes ending, state changes), from now on or from the event after `after`, each once, from whichever gateway replica you are connected to. Over WebSocket (`graphql-transport-ws`) at `/graphql`, credentials in `connectionParams.authorization` as in the HTTP header. Authorised as `errorGroups`: FORBIDDEN unless you may read the workspace's logs. Events appear only for watched workspaces (`INBOX_WATCH`) and state changes.",
    subscribe: ({ args, context }) => subscribeToEvents(context as GatewayContext, args as EventArgs),
  })
  errorGroupEvents(
    @Root() event: LiveEvent | undefined,
    @Arg("workspaceId", () => ID, { description: "The workspace whose groups to follow." })
    _workspaceId: string,
    @Arg("kinds", () => [ErrorGroupEventKindEnum], {
      nullable: true,
      description: "Only these kinds of event; all kinds when absent or empty.",
    })
    _kinds: GroupEventKind[] | null,
    @Arg("after", () => ID, {
      nullable: true,
      description:
        "Resume after this event (an `ErrorGroupEvent.id` you received): the workspace's events stored since come first, oldest first and at most 1000, then the live ones, none twice. Events older than the inbox's retention are gone. BAD_USER_INPUT names `after` when it is no event id.",
    })
    _after: string | null,
  ): ErrorGroupEventType {
    // Only a subscription's events come with a root; over HTTP the operation runs once, without one.
    if (event === undefined)
      throw new GatewayGraphQLError(
        "BAD_USER_INPUT",
        "errorGroupEvents is a subscription: subscribe over WebSocket (graphql-transport-ws) at /graphql.",
      );
    return toEventType(event);
  }
}
