import type { WorkspaceType as WorkspaceKind } from "@flowdoctor/core";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum WorkspaceTypeEnum {
  FULL = "full",
  LIMITED = "limited",
}
registerEnumType(WorkspaceTypeEnum, {
  name: "WorkspaceType",
  description: "What the workspace may run, which decides whether its flows stop on their own.",
  valuesConfig: {
    FULL: { description: "Flows run until they are stopped." },
    LIMITED: { description: "Flows stop about 8 hours after their last start." },
  },
});

@ObjectType("Workspace", { description: "A workspace of a contract; flows live in workspaces." })
export class WorkspaceType {
  @Field(() => ID, { description: "The workspace's platform id (24 hex characters)." })
  id!: string;

  @Field(() => String, { description: "The workspace's name as the platform shows it." })
  name!: string;

  @Field(() => WorkspaceTypeEnum, {
    description: "FULL or LIMITED: limited workspaces stop their flows after a while.",
  })
  type!: WorkspaceKind;

  @Field(() => ID, { description: "The platform id of the contract the workspace belongs to." })
  contractId!: string;
}
