import { type Classification, classifyError, redactSecrets } from "@flowdoctor/core";
import { Arg, Int, Query, Resolver } from "type-graphql";
import { ClassificationType } from "./classification.type.js";

/** Redacts evidence values: they quote the input, which may hold secrets. */
export const redactClassification = (classification: Classification): Classification => ({
  ...classification,
  evidence: classification.evidence.map((item) => ({ ...item, value: redactSecrets(item.value) })),
});

@Resolver(() => ClassificationType)
export class ClassifyResolver {
  @Query(() => ClassificationType, {
    description: "Classifies any error text into the troubleshooting taxonomy; needs no credentials.",
  })
  classifyError(
    @Arg("message", () => String) message: string,
    @Arg("stack", () => String, { nullable: true }) stack: string | null | undefined,
    @Arg("statusCode", () => Int, { nullable: true }) statusCode: number | null | undefined,
  ): Classification {
    return redactClassification(
      classifyError({
        message,
        ...(stack ? { stack } : {}),
        ...(typeof statusCode === "number" ? { statusCode } : {}),
      }),
    );
  }
}
