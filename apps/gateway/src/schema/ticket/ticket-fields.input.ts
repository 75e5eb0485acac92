import type { Cause, ErrorReportSource, Level, TicketPriority } from "@flowdoctor/core";
import { Field, ID, InputType } from "type-graphql";
import { CauseEnum, LevelEnum } from "../taxonomy/taxonomy.enum.js";
import { ErrorReportSourceEnum, TicketPriorityEnum } from "./ticket-enums.js";

@InputType("StepLastLogInput")
export class StepLastLogInput {
  @Field(() => String)
  stepId!: string;
  @Field(() => String, { description: "ISO-8601 with a time zone, in the past." })
  at!: string;
}

@InputType("StepContainersInput")
export class StepContainersInput {
  @Field(() => String)
  stepId!: string;
  @Field(() => Boolean)
  running!: boolean;
}

@InputType("StuckMessageEvidenceInput", {
  description: "The guide's checklist for messages stuck at a step: each list has one entry per step.",
})
export class StuckMessageEvidenceInput {
  @Field(() => Boolean)
  flowSuspended!: boolean;
  @Field(() => [StepLastLogInput], { description: "The newest log line's time per step (Logs page)." })
  lastLogAtPerStep!: StepLastLogInput[];
  @Field(() => [StepContainersInput], {
    description: "Whether each step's containers run (Containers page).",
  })
  containersRunning!: StepContainersInput[];
}

@InputType("TicketOtherIdsInput")
export class TicketOtherIdsInput {
  @Field(() => String, { nullable: true })
  executionId?: string;
  @Field(() => String, { nullable: true })
  threadId?: string;
  @Field(() => String, { nullable: true })
  stepId?: string;
  @Field(() => String, { nullable: true })
  credentialId?: string;
  @Field(() => String, { nullable: true })
  componentId?: string;
  @Field(() => String, { nullable: true })
  containerId?: string;
}

@InputType("TicketErrorReportInput")
export class TicketErrorReportInput {
  @Field(() => ErrorReportSourceEnum)
  source!: ErrorReportSource;
  @Field(() => String, { description: "The report as text, e.g. the error e-mail's subject and body." })
  text!: string;
  @Field(() => String, { nullable: true, description: "When it arrived: ISO-8601 with a time zone." })
  receivedAt?: string;
}

@InputType("TicketTimelineEntryInput")
export class TicketTimelineEntryInput {
  @Field(() => String, { description: "ISO-8601 with a time zone, e.g. 2026-11-24T10:05:00+01:00." })
  at!: string;
  @Field(() => String)
  event!: string;
}

@InputType("TicketFieldsInput", {
  description: "Ticket fields. In updateTicket an absent field stays as it is and null clears it.",
})
export class TicketFieldsInput {
  @Field(() => String, { nullable: true, description: "A short title, not the description (one line)." })
  title?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Expected versus actual behaviour, as much detail as possible.",
  })
  description?: string | null;
  @Field(() => ID, { nullable: true, description: "You must be a member of the contract." })
  contractId?: string | null;
  @Field(() => ID, { nullable: true })
  workspaceId?: string | null;
  @Field(() => ID, { nullable: true })
  flowId?: string | null;
  @Field(() => Boolean, { nullable: true })
  involvesFlow?: boolean | null;
  @Field(() => String, { nullable: true, description: "A version hash, latest or draft." })
  flowVersion?: string | null;
  @Field(() => TicketOtherIdsInput, { nullable: true })
  otherIds?: TicketOtherIdsInput | null;
  @Field(() => StuckMessageEvidenceInput, { nullable: true, description: "For messages stuck at a step." })
  stuckMessageEvidence?: StuckMessageEvidenceInput | null;
  @Field(() => [String], { nullable: true })
  stepsToReproduce?: string[] | null;
  @Field(() => Boolean, { nullable: true, description: "false makes the timeline required." })
  reproducible?: boolean | null;
  @Field(() => String, { nullable: true, description: "The error as text, never a screenshot of it." })
  errorText?: string | null;
  @Field(() => TicketErrorReportInput, {
    nullable: true,
    description:
      "The error report from the UI or an e-mail; the guide asks for it when the issue is hard to reproduce.",
  })
  errorReport?: TicketErrorReportInput | null;
  @Field(() => String, { nullable: true, description: "ISO-8601 with a time zone." })
  firstObservedAt?: string | null;
  @Field(() => Boolean, { nullable: true })
  docsChecked?: boolean | null;
  @Field(() => [String], { nullable: true })
  docsConsulted?: string[] | null;
  @Field(() => TicketPriorityEnum, { nullable: true })
  priority?: TicketPriority | null;
  @Field(() => String, { nullable: true })
  neededBy?: string | null;
  @Field(() => Boolean, { nullable: true })
  isBlocker?: boolean | null;
  @Field(() => String, { nullable: true, description: "Required for blockers." })
  blockerImpact?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Required for blockers: when a solution or workaround is needed.",
  })
  deadline?: string | null;
  @Field(() => Boolean, { nullable: true })
  supportAccessGranted?: boolean | null;
  @Field(() => LevelEnum, { nullable: true })
  troubleshootingLevel?: Level | null;
  @Field(() => CauseEnum, { nullable: true })
  cause?: Cause | null;
}

@InputType("CreateTicketDraftInput", {
  description: "Any subset of the ticket's fields, timeline entries and a log file.",
})
export class CreateTicketDraftInput extends TicketFieldsInput {
  @Field(() => [TicketTimelineEntryInput], { nullable: true })
  timeline?: TicketTimelineEntryInput[] | null;
  @Field(() => String, {
    nullable: true,
    description: "The log file as UTF-8 text (at most 1,000,000 characters).",
  })
  logs?: string | null;
}
