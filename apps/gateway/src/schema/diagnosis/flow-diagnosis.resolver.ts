import type { Diagnosis, Flow } from "@flowdoctor/core";
import { Arg, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { DateTimeScalar } from "../common/scalars.js";
import { FlowType } from "../flow/flow.type.js";
import { DiagnoseOptionsInput } from "./diagnose-options.input.js";
import { diagnoseOneFlow } from "./diagnosis.resolver.js";
import { DiagnosisType } from "./diagnosis.type.js";

/** `Flow.diagnosis`: the same answer as `diagnoseFlow`, reachable from any flow a query already found. */
@Resolver(() => FlowType)
export class FlowDiagnosisResolver {
  @FieldResolver(() => DiagnosisType, { description: "The flow diagnosed as `diagnoseFlow(flowId:)` would." })
  diagnosis(
    @Root() flow: Flow,
    @Arg("since", () => DateTimeScalar, {
      nullable: true,
      description: "Start of the window; the default is 24 hours ago.",
    })
    since: Date | null | undefined,
    @Arg("options", () => DiagnoseOptionsInput, { nullable: true }) options:
      | DiagnoseOptionsInput
      | null
      | undefined,
    @Ctx() context: GatewayContext,
  ): Promise<Diagnosis> {
    return diagnoseOneFlow(context, flow.id, since, options);
  }
}
