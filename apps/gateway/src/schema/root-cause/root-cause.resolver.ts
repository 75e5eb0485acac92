import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { diagnosesOf, diagnosisWindow } from "../../diagnosis/request-diagnoses.js";
import { DateTimeScalar } from "../common/scalars.js";
import { type RootCauseReport, readRootCauses } from "./read-root-causes.js";
import { RootCauseReportType } from "./root-cause.type.js";

@Resolver()
export class RootCauseResolver {
  @Query(() => RootCauseReportType, {
    nullable: true,
    description:
      "What breaks many flows at once: a workspace's failing flows grouped by shared credential, external host, component version and cause, worst first, each with its evidence, the flows and steps it breaks, the flows that share it and work, and what fixing it would fix. Null with NOT_FOUND or FORBIDDEN when the workspace or its logs are not visible.",
  })
  async rootCauses(
    @Arg("workspaceId", () => ID, {
      description: "The workspace's platform id (after `/w/` in the app's address bar).",
    })
    workspaceId: string,
    @Arg("since", () => DateTimeScalar, {
      description: "Start of the window; the default is 24 hours ago.",
      nullable: true,
    })
    since: Date | null | undefined,
    @Ctx() context: GatewayContext,
  ): Promise<RootCauseReport> {
    const shared = await diagnosesOf(context).shared();
    const window = diagnosisWindow(since, shared.now);
    // One workspace-wide read of the error logs: it waits for a scan slot like any scan.
    return context.scanSlots.run(() => readRootCauses(context, workspaceId, window));
  }
}
