import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";

@ObjectType("ComponentVersion")
export class ComponentVersionType {
  @Field(() => ID)
  id!: string;

  @Field(() => Int)
  versionNumber!: number;

  @Field(() => DateTimeScalar, { description: "When the version was built." })
  date!: string;

  @Field(() => String, { nullable: true })
  language?: string;

  @Field(() => String, {
    nullable: true,
    description: "The runtime library version, which decides platform behaviour.",
  })
  sailorVersion?: string;
}

@ObjectType("Component", { description: "The component a step runs." })
export class ComponentType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String)
  teamName!: string;

  @Field(() => String, { description: "team, tenant or global." })
  access!: string;

  @Field(() => ComponentVersionType, { nullable: true })
  latestVersion?: ComponentVersionType;
}

@ObjectType("Credential", { description: "A credential a step uses, without its secrets." })
export class CredentialType {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ID)
  componentId!: string;
}

@ObjectType("StepQueue", {
  description: "The RabbitMQ queue in front of a step (only meaningful while the flow runs).",
})
export class StepQueueType {
  @Field(() => Int)
  total!: number;

  @Field(() => Int)
  ready!: number;

  @Field(() => Int)
  unacked!: number;

  @Field(() => Int, { description: "Messages waiting to be retried by rebound." })
  rebounds!: number;

  @Field(() => Int, { nullable: true, description: "Bytes in the queue, when the platform reports it." })
  bytes?: number;
}

@ObjectType("StepConfig", { description: "The step's runtime settings (nodes_config)." })
export class StepConfigType {
  @Field(() => Int, { nullable: true, description: '"Parallel processing"; the platform default is 1.' })
  prefetch?: number;

  @Field(() => Int, { nullable: true })
  replicas?: number;

  @Field(() => Boolean, { nullable: true })
  passthroughDisabled?: boolean;

  @Field(() => String, { nullable: true })
  logLevel?: string;
}
