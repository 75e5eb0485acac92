import { Field, Int, ObjectType } from "type-graphql";

@ObjectType("LogFile", {
  description: "Logs as a text file for a support ticket, oldest first, secrets redacted.",
})
export class LogFileType {
  @Field(() => String, { description: "One line per entry: time, level, step, component, ids | message." })
  text!: string;

  @Field(() => Int, { description: "How many entries the file holds." })
  entryCount!: number;

  @Field(() => Int, { description: "How many entries match in all (the platform counts at most 10,000)." })
  totalCount!: number;

  @Field(() => Boolean, { description: "True when more entries matched than the file holds." })
  truncated!: boolean;
}
