import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { diagnosesOf, diagnosisWindow } from "../../diagnosis/request-diagnoses.js";
import { GatewayGraphQLError } from "../../errors.js";
import { DateTimeScalar } from "../common/scalars.js";
import {
  MAX_CONTRACT_WORKSPACES,
  type RootCauseReport,
  readContractRootCauses,
  readRootCauses,
} from "./read-root-causes.js";
import { RootCauseReportType } from "./root-cause.type.js";

@Resolver()
export class RootCauseResolver {
  @Query(() => RootCauseReportType, {
    nullable: true,
    description:
      "What breaks many flows at once: the failing flows of a workspace, or of a contract's workspaces you may read, grouped by shared credential, external host, component version and cause, worst first, each with its evidence, the flows and steps it breaks, the flows that share it and work, and what fixing it would fix. Give `workspaceId` or `contractId` (BAD_USER_INPUT names them otherwise). Null with NOT_FOUND or FORBIDDEN when the workspace, the contract or the workspace's logs are not visible; a contract's workspaces whose logs you may not read are left out and listed in `skippedWorkspaceIds`.",
  })
  async rootCauses(
    @Arg("workspaceId", () => ID, {
      nullable: true,
      description: "The workspace's platform id (after `/w/` in the app's address bar).",
    })
    workspaceId: string | null | undefined,
    @Arg("contractId", () => ID, {
      nullable: true,
      description: `Instead of a workspace: a contract, across its workspaces you may read (at most ${MAX_CONTRACT_WORKSPACES}); a host, credential or component version shared by flows of several is one root cause.`,
    })
    contractId: string | null | undefined,
    @Arg("since", () => DateTimeScalar, {
      description: "Start of the window; the default is 24 hours ago.",
      nullable: true,
    })
    since: Date | null | undefined,
    @Ctx() context: GatewayContext,
  ): Promise<RootCauseReport> {
    if ((workspaceId == null) === (contractId == null))
      throw new GatewayGraphQLError(
        "BAD_USER_INPUT",
        "Give either workspaceId or contractId, not both nor neither.",
        {
          details: { field: workspaceId == null ? "workspaceId" : "contractId" },
        },
      );
    const shared = await diagnosesOf(context).shared();
    const window = diagnosisWindow(since, shared.now);
    // Workspace-wide reads of the error logs: they wait for a scan slot like any scan.
    return context.scanSlots.run(() =>
      contractId == null
        ? readRootCauses(context, workspaceId as string, window)
        : readContractRootCauses(context, contractId, window),
    );
  }
}
