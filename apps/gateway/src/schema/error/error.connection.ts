import { Field, Int, ObjectType } from "type-graphql";
import { PageInfo } from "../common/page-info.type.js";
import { type FlowErrorData, FlowErrorType } from "./flow-error.type.js";
import { ScanInfo } from "./scan-info.type.js";

@ObjectType("FlowErrorEdge")
export class FlowErrorEdge {
  @Field(() => String)
  cursor!: string;

  @Field(() => FlowErrorType)
  node!: FlowErrorData;
}

@ObjectType("FlowErrorConnection", { description: "A page of the error inbox, newest first." })
export class FlowErrorConnection {
  @Field(() => [FlowErrorEdge])
  edges!: FlowErrorEdge[];

  @Field(() => [FlowErrorType])
  nodes!: FlowErrorData[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int, {
    nullable: true,
    description:
      "Error entries in all (platform count, at most 10,000); null with a cause filter, which would need a full scan.",
  })
  totalCount!: number | null;

  @Field(() => ScanInfo)
  scan!: ScanInfo;
}
