import type { ContractStatus } from "@flowdoctor/core";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";

export enum ContractStatusEnum {
  ACTIVE = "active",
  SUSPENDED = "suspended",
  SUSPENDING = "suspending",
}
registerEnumType(ContractStatusEnum, {
  name: "ContractStatus",
  description: "Whether the contract's flows may run.",
  valuesConfig: {
    ACTIVE: { description: "In good standing: its flows may run." },
    SUSPENDED: {
      description: "Suspended by the platform (e.g. billing): no flow of it runs until it is reactivated.",
    },
    SUSPENDING: { description: "Being suspended: its flows are stopping." },
  },
});

@ObjectType("Contract", { description: "A contract: the top of the platform's hierarchy." })
export class ContractType {
  @Field(() => ID, { description: "The contract's platform id (24 hex characters)." })
  id!: string;

  @Field(() => String, { description: "The contract's name as the platform shows it." })
  name!: string;

  @Field(() => ContractStatusEnum, { description: "SUSPENDED stops every flow of the contract." })
  status!: ContractStatus;

  @Field(() => DateTimeScalar, {
    description: "When the contract was created; null when the platform does not say.",
    nullable: true,
  })
  createdAt?: string;

  @Field(() => DateTimeScalar, {
    description: "When the contract last changed; null when the platform does not say.",
    nullable: true,
  })
  updatedAt?: string;
}
