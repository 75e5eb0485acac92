import { Field, ID, Int, ObjectType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import { CauseEnum, LevelEnum } from "../taxonomy/taxonomy.enum.js";
import { TicketPriorityEnum, TicketStatusEnum } from "./ticket-enums.js";
import {
  StuckMessageEvidenceType,
  TicketAttachmentType,
  TicketDeliveryType,
  type TicketErrorReportType,
  TicketMissingFieldType,
  TicketOtherIdsType,
  TicketStatusChangeType,
  TicketTimelineEntryType,
} from "./ticket-parts.type.js";
import { TicketOccurrenceType } from "./ticket-problem.type.js";

@ObjectType("Ticket", {
  description: "A support ticket: the fields the troubleshooting guide asks for, its files and its delivery.",
})
export class TicketType {
  @Field(() => ID, { description: "The ticket's id (a UUID): pass it to the ticket mutations." })
  id!: string;
  @Field(() => Int, { description: "The ticket's sequence number, as in its key `FD-<number>`." })
  number!: number;
  @Field(() => String, { description: "The readable number support sees, e.g. FD-1042." })
  key!: string;
  @Field(() => TicketStatusEnum, { description: "DRAFT, SUBMITTED or CANCELLED." })
  status!: string;
  @Field(() => ID, { description: "The platform user who wrote the ticket." })
  authorId!: string;
  @Field(() => String, { description: "A short title (one line).", nullable: true })
  title?: string;
  /** Log-bearing: resolved by `TicketLogTextResolver`. */
  description?: string;
  @Field(() => ID, { description: "The platform id of the contract concerned.", nullable: true })
  contractId?: string;
  @Field(() => ID, { description: "The platform id of the workspace concerned.", nullable: true })
  workspaceId?: string;
  @Field(() => ID, {
    description: "The platform id of the flow concerned; required when the problem involves a flow.",
    nullable: true,
  })
  flowId?: string;
  @Field(() => Boolean, {
    description: "Whether the problem is about a flow (then its id is required).",
    nullable: true,
  })
  involvesFlow?: boolean;
  @Field(() => String, { nullable: true, description: "A version hash, latest or draft." })
  flowVersion?: string;
  @Field(() => TicketOtherIdsType, {
    description: "Further ids that help support find the failing run.",
    nullable: true,
  })
  otherIds?: TicketOtherIdsType;
  @Field(() => StuckMessageEvidenceType, {
    description: "The guide's checklist for messages stuck at a step.",
    nullable: true,
  })
  stuckMessageEvidence?: StuckMessageEvidenceType;
  @Field(() => [String], {
    description: "The minimum steps to reproduce the problem on support's side.",
    nullable: true,
  })
  stepsToReproduce?: string[];
  @Field(() => Boolean, {
    description: "False when the problem is not easy to reproduce: the timeline is then required.",
    nullable: true,
  })
  reproducible?: boolean;
  /** Log-bearing: resolved by `TicketLogTextResolver`. */
  errorText?: string;
  /** Log-bearing: resolved by `TicketLogTextResolver`. */
  errorReport?: TicketErrorReportType;
  @Field(() => String, { nullable: true, description: "ISO-8601 with a time zone." })
  firstObservedAt?: string;
  @Field(() => Boolean, {
    description: "Whether the documentation was checked without finding the solution.",
    nullable: true,
  })
  docsChecked?: boolean;
  @Field(() => [String], {
    description: "The documentation pages consulted (titles or URLs).",
    nullable: true,
  })
  docsConsulted?: string[];
  @Field(() => TicketPriorityEnum, { description: "How soon a solution is needed.", nullable: true })
  priority?: string;
  @Field(() => String, { description: "When a solution is needed at the latest.", nullable: true })
  neededBy?: string;
  @Field(() => Boolean, { description: "Whether the problem blocks the reporter's work.", nullable: true })
  isBlocker?: boolean;
  @Field(() => String, {
    description: "How the problem blocks the work; required for blockers.",
    nullable: true,
  })
  blockerImpact?: string;
  @Field(() => String, {
    description: "The deadline for a solution or workaround; required for blockers.",
    nullable: true,
  })
  deadline?: string;
  @Field(() => Boolean, {
    description: "Whether support may access the workspace (speeds up the investigation).",
    nullable: true,
  })
  supportAccessGranted?: boolean;
  @Field(() => LevelEnum, { description: "The guide's level the diagnosis arrived at.", nullable: true })
  troubleshootingLevel?: string;
  @Field(() => CauseEnum, { description: "The taxonomy's cause the diagnosis arrived at.", nullable: true })
  cause?: string;
  @Field(() => [TicketTimelineEntryType], {
    description: "The exact timeline of events, including the incident.",
  })
  timeline!: TicketTimelineEntryType[];
  @Field(() => [TicketAttachmentType], {
    description: "Screenshots, log files and error texts sent with the ticket.",
  })
  attachments!: TicketAttachmentType[];
  @Field(() => [TicketStatusChangeType], {
    description: "Every status change and delivery event, oldest first.",
  })
  statusHistory!: TicketStatusChangeType[];
  @Field(() => TicketDeliveryType, { nullable: true, description: "Null until the ticket is submitted." })
  delivery!: TicketDeliveryType | null;
  @Field(() => [TicketMissingFieldType], {
    description: "What only a person can still add before submitting.",
  })
  missing!: TicketMissingFieldType[];
  @Field(() => DateTimeScalar, { description: "When the draft was created." })
  createdAt!: Date;
  @Field(() => DateTimeScalar, { description: "When the ticket last changed." })
  updatedAt!: Date;
  @Field(() => DateTimeScalar, { description: "When it was submitted; null for drafts.", nullable: true })
  submittedAt!: Date | null;
  @Field(() => [String], {
    description:
      "The problems (error-group fingerprints) the ticket was made for: a later report of one adds to this ticket.",
  })
  fingerprints!: string[];
  @Field(() => Int, {
    description: "How often the problem was reported: 1, and one more per later occurrence.",
  })
  occurrences!: number;
  @Field(() => DateTimeScalar, { nullable: true, description: "When the problem was last reported." })
  lastSeenAt!: Date | null;
  @Field(() => [TicketOccurrenceType], { description: "Each later report of the problem, oldest first." })
  occurrenceTimeline!: TicketOccurrenceType[];
  @Field(() => DateTimeScalar, {
    nullable: true,
    description: "When the ticket was resolved (`resolveTicket`); null while the problem is open.",
  })
  resolvedAt!: Date | null;
  @Field(() => Boolean, { description: "True once the problem returned after the ticket was resolved." })
  reopened!: boolean;
  @Field(() => Int, { description: "How often the ticket was reopened." })
  reopenedCount!: number;
  @Field(() => Int, {
    description:
      "Follow-up messages queued for a delivered ticket, threaded to its first message (at most one per interval).",
  })
  followUpCount!: number;
}
