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

@ObjectType("Ticket", {
  description: "A support ticket: the fields the troubleshooting guide asks for, its files and its delivery.",
})
export class TicketType {
  @Field(() => ID)
  id!: string;
  @Field(() => Int)
  number!: number;
  @Field(() => String, { description: "The readable number support sees, e.g. FD-1042." })
  key!: string;
  @Field(() => TicketStatusEnum)
  status!: string;
  @Field(() => ID, { description: "The platform user who wrote the ticket." })
  authorId!: string;
  @Field(() => String, { nullable: true })
  title?: string;
  /** Log-bearing: resolved by `TicketLogTextResolver`. */
  description?: string;
  @Field(() => ID, { nullable: true })
  contractId?: string;
  @Field(() => ID, { nullable: true })
  workspaceId?: string;
  @Field(() => ID, { nullable: true })
  flowId?: string;
  @Field(() => Boolean, { nullable: true })
  involvesFlow?: boolean;
  @Field(() => String, { nullable: true, description: "A version hash, latest or draft." })
  flowVersion?: string;
  @Field(() => TicketOtherIdsType, { nullable: true })
  otherIds?: TicketOtherIdsType;
  @Field(() => StuckMessageEvidenceType, { nullable: true })
  stuckMessageEvidence?: StuckMessageEvidenceType;
  @Field(() => [String], { nullable: true })
  stepsToReproduce?: string[];
  @Field(() => Boolean, { nullable: true })
  reproducible?: boolean;
  /** Log-bearing: resolved by `TicketLogTextResolver`. */
  errorText?: string;
  /** Log-bearing: resolved by `TicketLogTextResolver`. */
  errorReport?: TicketErrorReportType;
  @Field(() => String, { nullable: true, description: "ISO-8601 with a time zone." })
  firstObservedAt?: string;
  @Field(() => Boolean, { nullable: true })
  docsChecked?: boolean;
  @Field(() => [String], { nullable: true })
  docsConsulted?: string[];
  @Field(() => TicketPriorityEnum, { nullable: true })
  priority?: string;
  @Field(() => String, { nullable: true })
  neededBy?: string;
  @Field(() => Boolean, { nullable: true })
  isBlocker?: boolean;
  @Field(() => String, { nullable: true })
  blockerImpact?: string;
  @Field(() => String, { nullable: true })
  deadline?: string;
  @Field(() => Boolean, { nullable: true })
  supportAccessGranted?: boolean;
  @Field(() => LevelEnum, { nullable: true })
  troubleshootingLevel?: string;
  @Field(() => CauseEnum, { nullable: true })
  cause?: string;
  @Field(() => [TicketTimelineEntryType])
  timeline!: TicketTimelineEntryType[];
  @Field(() => [TicketAttachmentType])
  attachments!: TicketAttachmentType[];
  @Field(() => [TicketStatusChangeType])
  statusHistory!: TicketStatusChangeType[];
  @Field(() => TicketDeliveryType, { nullable: true, description: "Null until the ticket is submitted." })
  delivery!: TicketDeliveryType | null;
  @Field(() => [TicketMissingFieldType], {
    description: "What only a person can still add before submitting.",
  })
  missing!: TicketMissingFieldType[];
  @Field(() => DateTimeScalar)
  createdAt!: Date;
  @Field(() => DateTimeScalar)
  updatedAt!: Date;
  @Field(() => DateTimeScalar, { nullable: true })
  submittedAt!: Date | null;
}
