import type { ContractStatus } from "@flowdoctor/core";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";

export enum ContractStatusEnum {
  ACTIVE = "active",
  SUSPENDED = "suspended",
  SUSPENDING = "suspending",
}
registerEnumType(ContractStatusEnum, { name: "ContractStatus" });

@ObjectType("Contract", { description: "A contract: the top of the platform's hierarchy." })
export class ContractType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ContractStatusEnum, { description: "SUSPENDED stops every flow of the contract." })
  status!: ContractStatus;

  @Field(() => DateTimeScalar, { nullable: true })
  createdAt?: string;

  @Field(() => DateTimeScalar, { nullable: true })
  updatedAt?: string;
}
