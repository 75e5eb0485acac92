import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";

@ObjectType("ComponentVersion", { description: "One build of a component." })
export class ComponentVersionType {
  @Field(() => ID, { description: "The build's id (the git revision it was built from)." })
  id!: string;

  @Field(() => Int, { description: "The build's sequence number: higher is newer." })
  versionNumber!: number;

  @Field(() => DateTimeScalar, { description: "When the version was built." })
  date!: string;

  @Field(() => String, {
    description: "The language the component is written in (`nodejs` or `java`).",
    nullable: true,
  })
  language?: string;

  @Field(() => String, {
    nullable: true,
    description: "The runtime library version, which decides platform behaviour.",
  })
  sailorVersion?: string;
}

@ObjectType("Component", { description: "The component a step runs." })
export class ComponentType {
  @Field(() => ID, { description: "The component's platform id (24 hex characters)." })
  id!: string;

  @Field(() => String, { description: "The component's name, e.g. `REST API`." })
  name!: string;

  @Field(() => String, { description: "The developer team that publishes the component." })
  teamName!: string;

  @Field(() => String, { description: "team, tenant or global." })
  access!: string;

  @Field(() => ComponentVersionType, {
    description: "The newest build; its runtime library version decides platform behaviour.",
    nullable: true,
  })
  latestVersion?: ComponentVersionType;
}

@ObjectType("Credential", { description: "A credential a step uses, without its secrets." })
export class CredentialType {
  @Field(() => ID, {
    description: "The credential's platform id (24 hex characters); its secrets are never read.",
  })
  id!: string;

  @Field(() => String, { description: "The credential's name as the app shows it." })
  name!: string;

  @Field(() => ID, { description: "The component the credential is for." })
  componentId!: string;
}

@ObjectType("StepQueue", {
  description: "The RabbitMQ queue in front of a step (only meaningful while the flow runs).",
})
export class StepQueueType {
  @Field(() => Int, { description: "Messages in the queue." })
  total!: number;

  @Field(() => Int, { description: "Messages waiting for the step to take them." })
  ready!: number;

  @Field(() => Int, { description: "Messages the step has taken but not finished." })
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

  @Field(() => Int, {
    description: "How many containers run the step in parallel (real-time flows); the platform default is 1.",
    nullable: true,
  })
  replicas?: number;

  @Field(() => Boolean, {
    description:
      "True when the step does not pass its input on as `passthrough` to later steps (saves message size).",
    nullable: true,
  })
  passthroughDisabled?: boolean;

  @Field(() => String, {
    description: "The step's log level (e.g. `info`, `debug`); lower levels log more.",
    nullable: true,
  })
  logLevel?: string;
}
