import type { AlertRuleInput } from "@flowdoctor/inbox";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { GatewayGraphQLError } from "../../errors.js";
import { inboxOf } from "../inbox/group-statuses.js";
import { AlertChannelType, AlertRuleType, toAlertRuleType } from "./alert-rule.type.js";
import { SetAlertRuleInput } from "./set-alert-rule.input.js";

/** The caller's user id, once the platform says they may read the workspace's logs (as `setErrorGroupState`). */
const authorise = async (context: GatewayContext, workspaceId: string): Promise<string> => {
  const session = await context.session();
  if (!(await session.loaders.logsReadable.load(workspaceId)))
    throw new GatewayGraphQLError(
      "FORBIDDEN",
      `You may not read the logs of workspace ${workspaceId}, so you may not see or change its alert rules.`,
    );
  return session.user.id;
};

const channelNames = (context: GatewayContext): Set<string> =>
  new Set((context.alertChannels ?? []).map((channel) => channel.name));

const ruleInputOf = (input: SetAlertRuleInput): AlertRuleInput => ({
  workspaceId: input.workspaceId,
  name: input.name,
  events: input.events,
  channel: input.channel,
  ...(input.levels == null ? {} : { levels: input.levels }),
  ...(input.causes == null ? {} : { causes: input.causes }),
  ...(input.digestMinutes == null ? {} : { digestMinutes: input.digestMinutes }),
  ...(input.quietHours == null ? {} : { quietHours: { ...input.quietHours } }),
});

@Resolver()
export class AlertResolver {
  @Query(() => [AlertRuleType], {
    description:
      "A workspace's alert rules, by name. Authorised as `setErrorGroupState`: FORBIDDEN unless you may read the workspace's logs.",
  })
  async alertRules(
    @Arg("workspaceId", () => ID, { description: "The workspace." }) workspaceId: string,
    @Ctx() context: GatewayContext,
  ): Promise<AlertRuleType[]> {
    await authorise(context, workspaceId);
    return (await inboxOf(context).listAlertRules(workspaceId)).map(toAlertRuleType);
  }

  @Query(() => [AlertChannelType], {
    description:
      "The alert channels this server is configured with (`ALERT_CHANNELS`): names and kinds only, never targets or secrets. Requires credentials.",
  })
  async alertChannels(@Ctx() context: GatewayContext): Promise<AlertChannelType[]> {
    await context.session();
    return (context.alertChannels ?? []).map(({ name, kind }) => ({ name, kind }));
  }

  @Mutation(() => AlertRuleType, {
    description:
      "Creates or replaces (by name) an alert rule of a workspace; remembers who and when. FORBIDDEN unless you may read the workspace's logs; BAD_USER_INPUT naming the field (`extensions.field`) for a channel the server does not have, an empty event list, a bad digest or quiet-hours window — and nothing is stored.",
  })
  async setAlertRule(
    @Arg("input", () => SetAlertRuleInput, { description: "The rule." }) input: SetAlertRuleInput,
    @Ctx() context: GatewayContext,
  ): Promise<AlertRuleType> {
    const by = await authorise(context, input.workspaceId);
    const rule = await inboxOf(context).setAlertRule(ruleInputOf(input), {
      by,
      now: new Date(),
      channels: channelNames(context),
    });
    return toAlertRuleType(rule);
  }

  @Mutation(() => AlertRuleType, {
    description:
      "Deletes a workspace's alert rule by name, with the alerts it still held, and answers it. FORBIDDEN unless you may read the workspace's logs; NOT_FOUND when it has no rule of that name.",
  })
  async deleteAlertRule(
    @Arg("workspaceId", () => ID, { description: "The workspace." }) workspaceId: string,
    @Arg("name", () => String, { description: "The rule's name." }) name: string,
    @Ctx() context: GatewayContext,
  ): Promise<AlertRuleType> {
    await authorise(context, workspaceId);
    return toAlertRuleType(await inboxOf(context).deleteAlertRule(workspaceId, name));
  }
}
