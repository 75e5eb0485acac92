import type { Diagnosis, Flow } from "@flowdoctor/core";
import { Args, Ctx, FieldResolver, Resolver, Root } from "type-graphql";
import type { GatewayContext } from "../../context.js";
import { FlowType } from "../flow/flow.type.js";
import { DiagnoseArgs } from "./diagnose-options.input.js";
import { diagnoseOneFlow } from "./diagnosis.resolver.js";
import { DiagnosisType } from "./diagnosis.type.js";

/** `Flow.diagnosis`: the same answer as `diagnoseFlow`, reachable from any flow a query already found. */
@Resolver(() => FlowType)
export class FlowDiagnosisResolver {
  @FieldResolver(() => DiagnosisType, {
    nullable: true,
    description: "The flow diagnosed as `diagnoseFlow(flowId:)` would; null with the error when that fails.",
  })
  diagnosis(
    @Root() flow: Flow,
    @Args(() => DiagnoseArgs) { since, options }: DiagnoseArgs,
    @Ctx() context: GatewayContext,
  ): Promise<Diagnosis> {
    return diagnoseOneFlow(context, flow.id, since, options);
  }
}
