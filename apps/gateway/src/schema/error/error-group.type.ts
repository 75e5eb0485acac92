import type { ErrorGroup } from "@flowdoctor/core";
import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "../common/page-info.type.js";
import { DateTimeScalar } from "../common/scalars.js";
import { type FlowErrorData, FlowErrorType } from "./flow-error.type.js";
import { ScanInfo } from "./scan-info.type.js";

/** What an `ErrorGroup` resolves from: core's group and the group's entries from the scan. */
export interface ErrorGroupData extends ErrorGroup<FlowErrorData> {
  readonly entries: readonly FlowErrorData[];
}

@ObjectType("ErrorGroup", {
  description: "One problem (same fingerprint: flow, step, normalised message) seen once or many times.",
})
export class ErrorGroupType {
  @Field(() => String)
  fingerprint!: string;

  @Field(() => String)
  flowId!: string;

  @Field(() => String, { nullable: true })
  stepId?: string;

  @Field(() => String, {
    description: "The normalised message all entries share (ids, numbers, times replaced).",
  })
  pattern!: string;

  @Field(() => Int)
  count!: number;

  @Field(() => DateTimeScalar)
  firstSeen!: string;

  @Field(() => DateTimeScalar)
  lastSeen!: string;

  @Field(() => Int, { description: "Distinct executions (thread ids, else exec ids) affected." })
  executionCount!: number;

  @Field(() => [String], { description: "Affected executions in the order first seen (at most 100)." })
  executionIds!: string[];

  @Field(() => FlowErrorType, { description: "The latest entry of the group." })
  sample!: FlowErrorData;
}

@ObjectType("ErrorGroupEdge")
export class ErrorGroupEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => ErrorGroupType)
  node!: ErrorGroupData;
}

@ObjectType("ErrorGroupConnection", { description: "Error groups, latest first (ties: higher count)." })
export class ErrorGroupConnection {
  @Field(() => [ErrorGroupEdge])
  edges!: ErrorGroupEdge[];

  @Field(() => [ErrorGroupType])
  nodes!: ErrorGroupData[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "Groups found in the scanned entries." })
  totalCount!: number;

  @Field(() => ScanInfo, { description: "Groups cover only the entries scanned; see limitReached." })
  scan!: ScanInfo;
}
