import type { Classification } from "@flowdoctor/core";
import { Field, ObjectType } from "type-graphql";
import type { LogEntryData } from "../log/log-entry.type.js";
import { LogEntryType } from "../log/log-entry.type.js";
import { ClassificationType } from "./classification.type.js";

/** What a `FlowError` resolves from. */
export interface FlowErrorData extends LogEntryData {
  readonly classification: Classification;
  readonly fingerprint: string;
}

@ObjectType("FlowError", {
  description: "An error- or fatal-level log entry, classified, with its flow, step and author.",
})
export class FlowErrorType extends LogEntryType {
  @Field(() => ClassificationType)
  classification!: ClassificationType;

  @Field(() => String, {
    description: "The same for every occurrence of this problem at this flow and step.",
  })
  fingerprint!: string;
}
