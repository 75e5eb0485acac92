import { ArgsType, Field, InputType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";

@InputType("DiagnoseOptions", {
  description: "Checks that reach beyond the platform; both are off unless asked for.",
})
export class DiagnoseOptionsInput {
  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "Run the platform's verify-credential execution for each credential the flow uses (calls the external systems).",
  })
  verifyCredentials!: boolean;

  @Field(() => Boolean, {
    defaultValue: false,
    description:
      "Probe the endpoints of steps whose errors say the external system is down (public addresses only).",
  })
  probeEndpoints!: boolean;
}

/** The arguments `diagnoseFlow` and `Flow.diagnosis` share: the window's start and the opt-in checks. */
@ArgsType()
export class DiagnoseArgs {
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "Start of the window; the default is 24 hours ago.",
  })
  since?: Date | null;

  @Field(() => DiagnoseOptionsInput, {
    nullable: true,
    description:
      "Which optional checks to run (credential verification, endpoint probes); both off by default.",
  })
  options?: DiagnoseOptionsInput | null;
}
