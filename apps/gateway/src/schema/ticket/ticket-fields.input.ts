import type { Cause, ErrorReportSource, Level, TicketPriority } from "@flowdoctor/core";
import { Field, ID, InputType } from "type-graphql";
import { CauseEnum, LevelEnum } from "../taxonomy/taxonomy.enum.js";
import { ErrorReportSourceEnum, TicketPriorityEnum } from "./ticket-enums.js";

@InputType("StepLastLogInput", { description: "The time of a step's newest log line (Logs page)." })
export class StepLastLogInput {
  @Field(() => String, { description: "The step: its platform id (`step_2`) or its `FlowStep.id`." })
  stepId!: string;
  @Field(() => String, { description: "ISO-8601 with a time zone, in the past." })
  at!: string;
}

@InputType("StepContainersInput", { description: "Whether a step's containers run (Containers page)." })
export class StepContainersInput {
  @Field(() => String, { description: "The step: its platform id (`step_2`) or its `FlowStep.id`." })
  stepId!: string;
  @Field(() => Boolean, { description: "True when the step's containers run." })
  running!: boolean;
}

@InputType("StuckMessageEvidenceInput", {
  description: "The guide's checklist for messages stuck at a step: each list has one entry per step.",
})
export class StuckMessageEvidenceInput {
  @Field(() => Boolean, { description: "Whether the flow is suspended." })
  flowSuspended!: boolean;
  @Field(() => [StepLastLogInput], { description: "The newest log line's time per step (Logs page)." })
  lastLogAtPerStep!: StepLastLogInput[];
  @Field(() => [StepContainersInput], {
    description: "Whether each step's containers run (Containers page).",
  })
  containersRunning!: StepContainersInput[];
}

@InputType("TicketOtherIdsInput", {
  description: "Further ids that help support find the failing run; all are visible in the app's URLs.",
})
export class TicketOtherIdsInput {
  @Field(() => String, {
    description: "The step container run (`exec_id` in logs, `EXEC_ID` in error e-mails).",
    nullable: true,
  })
  executionId?: string;
  @Field(() => String, {
    description: "The execution a message belongs to (a UUID or trace id).",
    nullable: true,
  })
  threadId?: string;
  @Field(() => String, {
    description:
      "The step: its platform id (`step_2`) or its `FlowStep.id`; the ticket keeps the platform id.",
    nullable: true,
  })
  stepId?: string;
  @Field(() => String, {
    description: "The platform id of the credential concerned (24 hex characters).",
    nullable: true,
  })
  credentialId?: string;
  @Field(() => String, {
    description: "The platform id of the component concerned (24 hex characters).",
    nullable: true,
  })
  componentId?: string;
  @Field(() => String, { description: "The container concerned (Containers page).", nullable: true })
  containerId?: string;
}

@InputType("TicketErrorReportInput", {
  description: "The error report from the UI or an e-mail, quoted as text.",
})
export class TicketErrorReportInput {
  @Field(() => ErrorReportSourceEnum, { description: "Where the report came from." })
  source!: ErrorReportSource;
  @Field(() => String, { description: "The report as text, e.g. the error e-mail's subject and body." })
  text!: string;
  @Field(() => String, { nullable: true, description: "When it arrived: ISO-8601 with a time zone." })
  receivedAt?: string;
}

@InputType("TicketTimelineEntryInput", { description: "One event of the timeline." })
export class TicketTimelineEntryInput {
  @Field(() => String, { description: "ISO-8601 with a time zone, e.g. 2026-11-24T10:05:00+01:00." })
  at!: string;
  @Field(() => String, { description: "What happened, e.g. `Order 4711 was not created in the CRM`." })
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
  @Field(() => ID, {
    description: "The platform id of the workspace concerned (after `/w/` in the app's address bar).",
    nullable: true,
  })
  workspaceId?: string | null;
  @Field(() => ID, {
    description: "The platform id of the flow concerned (after `/designer/` in the app's address bar).",
    nullable: true,
  })
  flowId?: string | null;
  @Field(() => Boolean, {
    description: "Whether the problem is about a flow; then `flowId` is required at submission.",
    nullable: true,
  })
  involvesFlow?: boolean | null;
  @Field(() => String, { nullable: true, description: "A version hash, latest or draft." })
  flowVersion?: string | null;
  @Field(() => TicketOtherIdsInput, {
    description: "Further ids that help support find the failing run.",
    nullable: true,
  })
  otherIds?: TicketOtherIdsInput | null;
  @Field(() => StuckMessageEvidenceInput, { nullable: true, description: "For messages stuck at a step." })
  stuckMessageEvidence?: StuckMessageEvidenceInput | null;
  @Field(() => [String], {
    description: "The minimum steps to reproduce the problem on support's side, one per item.",
    nullable: true,
  })
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
  @Field(() => Boolean, {
    description:
      "Whether you checked the documentation without finding the solution (required at submission).",
    nullable: true,
  })
  docsChecked?: boolean | null;
  @Field(() => [String], {
    description: "The documentation pages you consulted (titles or URLs).",
    nullable: true,
  })
  docsConsulted?: string[] | null;
  @Field(() => TicketPriorityEnum, {
    description: "How soon a solution is needed (required at submission).",
    nullable: true,
  })
  priority?: TicketPriority | null;
  @Field(() => String, {
    description: "When a solution is needed at the latest: ISO-8601 with a time zone.",
    nullable: true,
  })
  neededBy?: string | null;
  @Field(() => Boolean, {
    description: "Whether the problem blocks your work (required at submission).",
    nullable: true,
  })
  isBlocker?: boolean | null;
  @Field(() => String, { nullable: true, description: "Required for blockers." })
  blockerImpact?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "Required for blockers: when a solution or workaround is needed.",
  })
  deadline?: string | null;
  @Field(() => Boolean, {
    description: "Whether support may access the workspace (speeds up the investigation).",
    nullable: true,
  })
  supportAccessGranted?: boolean | null;
  @Field(() => LevelEnum, {
    description: "The guide's level you or the diagnosis arrived at.",
    nullable: true,
  })
  troubleshootingLevel?: Level | null;
  @Field(() => CauseEnum, {
    description: "The taxonomy's cause you or the diagnosis arrived at.",
    nullable: true,
  })
  cause?: Cause | null;
}

@InputType("CreateTicketDraftInput", {
  description: "Any subset of the ticket's fields, timeline entries and a log file.",
})
export class CreateTicketDraftInput extends TicketFieldsInput {
  @Field(() => [TicketTimelineEntryInput], {
    description: "The exact timeline of events, including the incident; required when not easy to reproduce.",
    nullable: true,
  })
  timeline?: TicketTimelineEntryInput[] | null;
  @Field(() => String, {
    nullable: true,
    description: "The log file as UTF-8 text (at most 1,000,000 characters).",
  })
  logs?: string | null;
}
