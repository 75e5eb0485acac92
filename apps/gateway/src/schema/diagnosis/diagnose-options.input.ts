import { Field, InputType } from "type-graphql";

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
