import type { FlowStatus, FlowType } from "@flowdoctor/core";
import { Field, InputType } from "type-graphql";
import { FlowStatusEnum, FlowTypeEnum } from "./flow.type.js";

@InputType({ description: "Narrows a workspace's flows; the platform applies the filters." })
export class FlowFilter {
  @Field(() => FlowStatusEnum, { description: "Only flows in this state.", nullable: true })
  status?: FlowStatus | null;

  @Field(() => FlowTypeEnum, { description: "Only flows of this type.", nullable: true })
  type?: FlowType | null;

  @Field(() => String, { nullable: true, description: "Case-insensitive search over name and description." })
  search?: string | null;
}
