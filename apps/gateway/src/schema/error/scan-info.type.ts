import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("ScanInfo", { description: "How much of the platform's logs this answer read." })
export class ScanInfo {
  @Field(() => Int, { description: "Log entries read from the platform for this answer." })
  scanned!: number;

  @Field(() => Int, { description: "The most a request may read (MAX_LOG_SCAN)." })
  maxScan!: number;

  @Field(() => Boolean, {
    description:
      "True when reading stopped at maxScan: the answer is incomplete; continue with pageInfo.endCursor.",
  })
  limitReached!: boolean;
}
