import type { WorkspaceType as WorkspaceKind } from "@flowdoctor/core";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum WorkspaceTypeEnum {
  FULL = "full",
  LIMITED = "limited",
}
registerEnumType(WorkspaceTypeEnum, {
  name: "WorkspaceType",
  valuesConfig: { LIMITED: { description: "Flows stop about 8 hours after their last start." } },
});

@ObjectType("Workspace", { description: "A workspace of a contract; flows live in workspaces." })
export class WorkspaceType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => WorkspaceTypeEnum)
  type!: WorkspaceKind;

  @Field(() => ID)
  contractId!: string;
}
