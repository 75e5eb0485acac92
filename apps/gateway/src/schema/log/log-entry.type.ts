import { LOG_LEVELS, type LogLevelName } from "@flowdoctor/core";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";

/** Log level names as a GraphQL enum; the values are the names of core's `LOG_LEVELS`. */
export const LogLevelEnum = Object.fromEntries(
  Object.keys(LOG_LEVELS).map((name) => [name.toUpperCase(), name]),
) as Record<Uppercase<LogLevelName>, LogLevelName>;
registerEnumType(LogLevelEnum, {
  name: "LogLevel",
  description: "Bunyan levels: ERROR is 50, FATAL 60.",
  valuesConfig: {
    NONE: { description: "No level given (1): how the platform stores lines a component printed plainly." },
    TRACE: { description: "10: the most detail, e.g. the runtime library's own messages." },
    DEBUG: { description: "20: detail for developers." },
    INFO: { description: "30: normal progress." },
    WARN: { description: "40: something odd that did not fail." },
    ERROR: { description: "50: a failure; these make up the error inbox." },
    FATAL: { description: "60: a failure that ended the container." },
  },
});

/** A log entry as the gateway serves it: the message already redacted. */
export interface LogEntryData {
  readonly id: string;
  readonly timestamp: string;
  readonly level: number;
  readonly levelName: LogLevelName;
  readonly message: string;
  readonly workspaceId: string;
  readonly flowId: string;
  readonly stepId: string;
  readonly componentName?: string;
  readonly execId?: string;
  readonly threadId?: string;
  readonly containerId?: string;
}

@ObjectType("LogEntry", {
  description: "One entry of the platform's logs (`GET /v2/logs`), secrets redacted.",
})
export class LogEntryType {
  @Field(() => ID, { description: "The entry's platform id (a UUID)." })
  id!: string;

  @Field(() => DateTimeScalar, { description: "When it was logged." })
  timestamp!: string;

  @Field(() => Int, { description: "The Bunyan number." })
  level!: number;

  @Field(() => LogLevelEnum, { description: "The level's name." })
  levelName!: LogLevelName;

  @Field(() => String, { description: "The message with secrets redacted and search highlights removed." })
  message!: string;

  @Field(() => ID, { description: "The platform id of the flow that logged it." })
  flowId!: string;

  @Field(() => String, { description: "The platform step id that logged it (e.g. `step_2`)." })
  stepId!: string;

  @Field(() => String, { description: "The name of the component that logged it.", nullable: true })
  componentName?: string;

  @Field(() => String, { nullable: true, description: "The step container run (32 hex)." })
  execId?: string;

  @Field(() => String, {
    nullable: true,
    description: "The execution: one initial message's path through the flow.",
  })
  threadId?: string;

  @Field(() => String, { description: "The container that ran the step (Containers page).", nullable: true })
  containerId?: string;
}
