import type { Cause, EvidenceSource, Level } from "@flowdoctor/core";
import { Field, Float, ObjectType } from "type-graphql";
import { CauseEnum, LevelEnum } from "../taxonomy/taxonomy.enum.js";

@ObjectType("Evidence", { description: "One signal behind a classification." })
export class EvidenceType {
  @Field(() => String, { description: "Stable signal name, e.g. `nodeNetworkCode`, `httpStatusInText`." })
  signal!: string;

  @Field(() => String, { description: "Where it was found: message, stack, statusCode, flowState, ..." })
  source!: EvidenceSource;

  @Field(() => String, { description: "The matched text (redacted, at most 160 characters) or value." })
  value!: string;
}

@ObjectType("Classification", { description: "The verdict on one error, with the evidence behind it." })
export class ClassificationType {
  @Field(() => LevelEnum, { description: "The guide's level: who can fix it." })
  level!: Level;

  @Field(() => CauseEnum, { description: "The taxonomy's cause." })
  cause!: Cause;

  @Field(() => Float, { description: "0..1; 0 for UNKNOWN." })
  confidence!: number;

  @Field(() => [EvidenceType], { description: "Strongest first; for UNKNOWN, why nothing matched." })
  evidence!: EvidenceType[];

  @Field(() => String, { description: "The cause in one line." })
  title!: string;

  @Field(() => String, { description: "The first thing to try." })
  remedy!: string;

  @Field(() => String, { description: "The platform documentation page that explains the cause." })
  docsUrl!: string;

  @Field(() => Boolean, {
    description: "Whether retrying the same message can succeed once the cause is gone.",
  })
  retryable!: boolean;
}
