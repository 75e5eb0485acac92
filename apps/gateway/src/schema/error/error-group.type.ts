import type { ErrorGroup } from "@flowdoctor/core";
import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "../common/page-info.type.js";
import { DateTimeScalar } from "../common/scalars.js";
import type { ErrorGroupStatusData } from "../inbox/error-group-status.type.js";
import { type FlowErrorData, FlowErrorType } from "./flow-error.type.js";
import { ScanInfo } from "./scan-info.type.js";

/** A group as a scan of the live logs finds it: core's group and the group's entries. */
export interface ScannedGroup extends ErrorGroup<FlowErrorData> {
  readonly entries: readonly FlowErrorData[];
}

/** What an `ErrorGroup` resolves from: the scanned group and what the inbox remembers of it (read with the page). */
export interface ErrorGroupData extends ScannedGroup {
  readonly status: ErrorGroupStatusData;
}

@ObjectType("ErrorGroup", {
  description: "One problem (same fingerprint: flow, step, normalised message) seen once or many times.",
})
export class ErrorGroupType {
  @Field(() => String, {
    description:
      "The group's identity: the same for every occurrence of this problem (flow, step, normalised message). Use it as the group's cache key.",
  })
  fingerprint!: string;

  @Field(() => String, { description: "The platform id of the flow it happens in." })
  flowId!: string;

  @Field(() => String, {
    description: "The platform step id that logs it; null when the entries name none.",
    nullable: true,
  })
  stepId?: string;

  @Field(() => String, {
    description: "The normalised message all entries share (ids, numbers, times replaced).",
  })
  pattern!: string;

  @Field(() => Int, { description: "Entries among those scanned." })
  count!: number;

  @Field(() => DateTimeScalar, { description: "The oldest entry among those scanned." })
  firstSeen!: string;

  @Field(() => DateTimeScalar, { description: "The newest entry." })
  lastSeen!: string;

  @Field(() => Int, { description: "Distinct executions (thread ids, else exec ids) affected." })
  executionCount!: number;

  @Field(() => [String], { description: "Affected executions in the order first seen (at most 100)." })
  executionIds!: string[];

  @Field(() => FlowErrorType, { description: "The latest entry of the group." })
  sample!: FlowErrorData;
}

@ObjectType("ErrorGroupEdge", { description: "One error group of a page, with its cursor." })
export class ErrorGroupEdge {
  @Field(() => String, { description: "Pass as `after` to read on from this group." })
  cursor!: string;

  @Field(() => ErrorGroupType, { description: "The group." })
  node!: ErrorGroupData;
}

@ObjectType("ErrorGroupConnection", { description: "Error groups, latest first (ties: higher count)." })
export class ErrorGroupConnection {
  @Field(() => [ErrorGroupEdge], { description: "The page's groups with their cursors." })
  edges!: ErrorGroupEdge[];

  @Field(() => [ErrorGroupType], { description: "The page's groups without cursors." })
  nodes!: ErrorGroupData[];

  @Field(() => PageInfo, {
    description: "Where the page sits: pass `endCursor` as `after` for the next one.",
  })
  pageInfo!: PageInfo;

  @Field(() => Int, { description: "Groups found in the scanned entries." })
  totalCount!: number;

  @Field(() => ScanInfo, { description: "Groups cover only the entries scanned; see limitReached." })
  scan!: ScanInfo;
}
