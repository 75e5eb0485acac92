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
    @Arg("message", () => String, {
      description: "The error text as shown in the app, a log line or an error e-mail.",
    })
    message: string,
    @Arg("stack", () => String, {
      description: "The stack trace, if you have it; it tells component errors from external ones.",
      nullable: true,
    })
    stack: string | null | undefined,
    @Arg("statusCode", () => Int, {
      description:
        "The HTTP status the external system answered, if the error shows one; it sharpens the classification.",
      nullable: true,
    })
    statusCode: number | null | undefined,
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
