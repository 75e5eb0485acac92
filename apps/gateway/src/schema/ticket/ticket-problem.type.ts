import type { ReportOutcome } from "@flowdoctor/tickets";
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from "type-graphql";
import { DateTimeScalar } from "../common/scalars.js";
import { enumOf } from "../taxonomy/taxonomy.enum.js";

export const TicketReportOutcomeEnum = enumOf<ReportOutcome>(["CREATED", "ADDED_TO_OPEN", "REOPENED"]);
registerEnumType(TicketReportOutcomeEnum, {
  name: "TicketReportOutcome",
  description: "What reporting a problem (an error group's fingerprint on a contract) did.",
  valuesConfig: {
    CREATED: { description: "No ticket covered the problem: a new draft remembers its fingerprint." },
    ADDED_TO_OPEN: {
      description: "An open ticket covers it: the occurrence was added to that ticket (no new draft).",
    },
    REOPENED: { description: "Its ticket was resolved and the problem returned: the ticket is reopened." },
  },
});

@ObjectType("TicketOccurrence", { description: "A later report of the problem a ticket was made for." })
export class TicketOccurrenceType {
  @Field(() => DateTimeScalar, { description: "When the problem was reported again." })
  at!: Date;
  @Field(() => String, { description: "The fingerprint of the error group reported." })
  fingerprint!: string;
  @Field(() => ID, { description: "The platform user whose report (or error watch) it was." })
  reportedBy!: string;
  @Field(() => Boolean, { description: "True when this occurrence reopened the resolved ticket." })
  reopened!: boolean;
  /** Log-bearing: resolved by `TicketOccurrenceResolver`, for those who may read the ticket's logs. */
  excerpt!: string | null;
  /** The ticket it belongs to, for the log access check of `excerpt`. */
  ticket!: { key: string; authorId: string; contractId?: string; workspaceId?: string };
}

@ObjectType("TicketRedactionMark", {
  description: "A secret masked in what leaves: its kind, and where the marker `[REDACTED]` sits.",
})
export class TicketRedactionMarkType {
  @Field(() => ID, {
    nullable: true,
    description:
      "The redaction's id, for `restoreRedaction`; null for a secret only the delivery's own redaction found.",
  })
  id!: string | null;
  @Field(() => String, {
    description:
      "The kind of secret: a shape id of the redaction catalogue (e.g. `github-pat`, `jwt`), `key-value`, `url-password`, `private-key`, or `manual` for a span redacted by hand.",
  })
  kind!: string;
  @Field(() => Int, {
    description: "Where the marker starts in the field's text (`TicketPreviewField.text`).",
  })
  from!: number;
  @Field(() => Int, { description: "Where it ends (exclusive) in the field's text." })
  to!: number;
  @Field(() => Int, {
    nullable: true,
    description:
      "Where the same marker starts in `TicketPreview.text`, when the body quotes the field as it is.",
  })
  textFrom!: number | null;
}

@ObjectType("TicketPreviewField", {
  description: "A text field of the ticket as it will leave, with every redaction in it marked.",
})
export class TicketPreviewFieldType {
  @Field(() => String, {
    description:
      "The field: `title`, `description`, `errorText`, `blockerImpact`, `stepsToReproduce.<n>`, `docsConsulted.<n>`, `errorReport.text`, `timeline:<id>` or `attachment:<id>`; pass it to `redactSpan`.",
  })
  field!: string;
  @Field(() => String, { nullable: true, description: "The file name, when the field is an attachment." })
  attachmentName!: string | null;
  @Field(() => String, { description: "The field's text exactly as delivered." })
  text!: string;
  @Field(() => [TicketRedactionMarkType], { description: "Every redaction in the text, in order." })
  marks!: TicketRedactionMarkType[];
}

@InputType("RedactSpanInput", { description: "A span of a draft's text to mask by hand." })
export class RedactSpanInput {
  @Field(() => String, { description: "The field, as `TicketPreviewField.field` names it." })
  field!: string;
  @Field(() => Int, { description: "Where the span starts in the field's text (`TicketPreviewField.text`)." })
  from!: number;
  @Field(() => Int, { description: "Where it ends (exclusive)." })
  to!: number;
}
