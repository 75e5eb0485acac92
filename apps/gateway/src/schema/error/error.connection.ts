import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "../common/page-info.type.js";
import { type FlowErrorData, FlowErrorType } from "./flow-error.type.js";
import { ScanInfo } from "./scan-info.type.js";

@ObjectType("FlowErrorEdge", { description: "One error of a page, with its cursor." })
export class FlowErrorEdge {
  @Field(() => String, { description: "Pass as `after` to read on from this error." })
  cursor!: string;

  @Field(() => FlowErrorType, { description: "The error." })
  node!: FlowErrorData;
}

@ObjectType("FlowErrorConnection", { description: "A page of the error inbox, newest first." })
export class FlowErrorConnection {
  @Field(() => [FlowErrorEdge], { description: "The page's errors with their cursors." })
  edges!: FlowErrorEdge[];

  @Field(() => [FlowErrorType], { description: "The page's errors without cursors." })
  nodes!: FlowErrorData[];

  @Field(() => PageInfo, {
    description: "Where the page sits: pass `endCursor` as `after` for the next one.",
  })
  pageInfo!: PageInfo;

  @Field(() => Int, {
    nullable: true,
    description:
      "Error entries in all (platform count, at most 10,000); null with a cause filter, which would need a full scan.",
  })
  totalCount!: number | null;

  @Field(() => ScanInfo, {
    description: "How many log entries the gateway read for this page, and whether it hit its limit.",
  })
  scan!: ScanInfo;
}
