import { LOG_LEVELS, type LogLevelName } from "@flowdoctor/core";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";

/** Log level names as a GraphQL enum; the values are the names of core's `LOG_LEVELS`. */
export const LogLevelEnum = Object.fromEntries(
  Object.keys(LOG_LEVELS).map((name) => [name.toUpperCase(), name]),
) as Record<Uppercase<LogLevelName>, LogLevelName>;
registerEnumType(LogLevelEnum, { name: "LogLevel", description: "Bunyan levels: ERROR is 50, FATAL 60." });

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
  @Field(() => ID)
  id!: string;

  @Field(() => DateTimeScalar)
  timestamp!: string;

  @Field(() => Int, { description: "The Bunyan number." })
  level!: number;

  @Field(() => LogLevelEnum)
  levelName!: LogLevelName;

  @Field(() => String, { description: "The message with secrets redacted and search highlights removed." })
  message!: string;

  @Field(() => ID)
  flowId!: string;

  @Field(() => String)
  stepId!: string;

  @Field(() => String, { nullable: true })
  componentName?: string;

  @Field(() => String, { nullable: true, description: "The step container run (32 hex)." })
  execId?: string;

  @Field(() => String, {
    nullable: true,
    description: "The execution: one initial message's path through the flow.",
  })
  threadId?: string;

  @Field(() => String, { nullable: true })
  containerId?: string;
}
