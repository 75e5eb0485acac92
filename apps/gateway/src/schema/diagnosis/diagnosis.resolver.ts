import { type Diagnosis, diagnoseFlow, type Flow } from "@flowdoctor/core";
import { Arg, Args, Ctx, ID, Query, Resolver } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { diagnosesOf, diagnosisWindow } from "../../diagnosis/request-diagnoses.js";
import type { ConnectionData } from "../common/connection.type.js";
import { PageArgs, readPageArgs } from "../common/page.args.js";
import { toConnection } from "../common/page-window.js";
import { DateTimeScalar } from "../common/scalars.js";
import { DiagnoseArgs, type DiagnoseOptionsInput } from "./diagnose-options.input.js";
import { DiagnosisType } from "./diagnosis.type.js";
import { FlowVerdictConnection, type FlowVerdictType } from "./flow-verdict.type.js";

/** Flows one workspace diagnosis looks at; beyond it the answer says so. */
const MAX_WORKSPACE_FLOWS = 200;
const VERDICT_ORDER = { FAILING: 0, DEGRADED: 1, UNCHECKED: 2, RECOVERED: 3, HEALTHY: 4 } as const;

/** Diagnoses one flow as the caller, within the window from `since` to the request's start. */
export const diagnoseOneFlow = (
  context: GatewayContext,
  flowId: string,
  since: Date | null | undefined,
  options: DiagnoseOptionsInput | null | undefined,
): Promise<Diagnosis> =>
  diagnosesOf(context).diagnose({
    flowId,
    since,
    verifyCredentials: options?.verifyCredentials ?? false,
    probeEndpoints: options?.probeEndpoints ?? false,
  });

const toFlowVerdict = (flow: Flow, diagnosis: Diagnosis): FlowVerdictType => ({
  flowId: flow.id,
  flowName: flow.name,
  flowStatus: flow.status,
  verdict: diagnosis.verdict,
  failures: diagnosis.findings.filter((finding) => finding.status === "FAIL").length,
  warnings: diagnosis.findings.filter((finding) => finding.status === "WARN").length,
  errorCount: diagnosis.errorGroups.reduce((sum, group) => sum + group.count, 0),
});

@Resolver()
export class DiagnosisResolver {
  @Query(() => DiagnosisType, {
    nullable: true,
    description:
      "Diagnoses one flow the way the troubleshooting guide does: errors, integration logic, the step-by-step walk, component runtime and platform safeguards. Null with NOT_FOUND or FORBIDDEN when the flow is not visible.",
  })
  async diagnoseFlow(
    @Arg("flowId", () => ID, {
      description: "The flow's platform id (after `/designer/` in the app's address bar).",
    })
    flowId: string,
    @Args(() => DiagnoseArgs) { since, options }: DiagnoseArgs,
    @Ctx() context: GatewayContext,
  ): Promise<Diagnosis> {
    return diagnoseOneFlow(context, flowId, since, options);
  }

  @Query(() => FlowVerdictConnection, {
    nullable: true,
    description:
      "Every flow's verdict in a workspace, worst first; null with NOT_FOUND or FORBIDDEN when the workspace is not visible.",
  })
  async diagnoseWorkspace(
    @Arg("workspaceId", () => ID, {
      description: "The workspace's platform id (after `/w/` in the app's address bar).",
    })
    workspaceId: string,
    @Arg("since", () => DateTimeScalar, {
      description: "Start of the window; the default is 24 hours ago.",
      nullable: true,
    })
    since: Date | null | undefined,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() context: GatewayContext,
  ): Promise<ConnectionData<FlowVerdictType>> {
    const page = readPageArgs(args, context.limits);
    const shared = await diagnosesOf(context).shared();
    const window = diagnosisWindow(since, shared.now);
    const session = await context.session();
    // The whole workspace is one scan: one slot, one pass over its logs for every flow.
    const diagnoses = await context.scanSlots.run(async () => {
      const flows: Flow[] = [];
      for await (const flow of session.client.iterateFlows({ workspaceId })) {
        flows.push(flow);
        session.loaders.flow.prime(flow.id, flow);
        if (flows.length >= MAX_WORKSPACE_FLOWS) break;
      }
      shared.shareWorkspaceLogs(workspaceId, window.since, window.now);
      return Promise.all(
        flows.map(async (flow) =>
          toFlowVerdict(flow, await diagnoseFlow(shared.port, { flowId: flow.id, ...window })),
        ),
      );
    });
    diagnoses.sort(
      (a, b) =>
        VERDICT_ORDER[a.verdict.status] - VERDICT_ORDER[b.verdict.status] ||
        b.verdict.confidence - a.verdict.confidence ||
        b.errorCount - a.errorCount,
    );
    return toConnection(diagnoses.slice(page.offset, page.offset + page.first), page, diagnoses.length);
  }
}
