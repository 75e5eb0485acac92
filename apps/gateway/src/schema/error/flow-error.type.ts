import { ObjectType } from "type-graphql";
import type { LogEntryData } from "../log/log-entry.type.js";
import { LogEntryType } from "../log/log-entry.type.js";
import type { EntryClassifier } from "./classify-entry.js";

/** What a `FlowError` resolves from: the entry, and the scan's classifier, asked only when a field needs it. */
export interface FlowErrorData extends LogEntryData {
  readonly classify: EntryClassifier;
}

@ObjectType("FlowError", {
  description: "An error- or fatal-level log entry, classified, with its flow, step and author.",
})
export class FlowErrorType extends LogEntryType {}
