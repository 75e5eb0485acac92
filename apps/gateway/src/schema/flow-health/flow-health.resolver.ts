import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { diagnosesOf } from "../../diagnosis/request-diagnoses.js";
import { FlowHealthReportType } from "./flow-health.type.js";
import { type FlowHealthReport, readFlowHealth } from "./read-flow-health.js";

@Resolver()
export class FlowHealthResolver {
  @Query(() => FlowHealthReportType, {
    nullable: true,
    description:
      "Flows that went quiet, which no error inbox sees: each flow of a workspace against its own rhythm of the last 14 days (messages per hour of day, weekdays and weekends; runs per cron schedule), flagging silence its rhythm makes improbable, missed scheduled runs, a webhook whose intake stopped and a step that stopped consuming while its queue fills. Null with NOT_FOUND or FORBIDDEN when the workspace or its logs are not visible.",
  })
  async flowHealth(
    @Arg("workspaceId", () => ID, {
      description: "The workspace's platform id (after `/w/` in the app's address bar).",
    })
    workspaceId: string,
    @Ctx() context: GatewayContext,
  ): Promise<FlowHealthReport> {
    const { now } = await diagnosesOf(context).shared();
    return context.scanSlots.run(() => readFlowHealth(context, workspaceId, now));
  }
}
