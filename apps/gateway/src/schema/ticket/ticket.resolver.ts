import type { TicketFieldsPatch } from "@flowdoctor/tickets";
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from "type-graphql";
import { GatewayGraphQLError } from "../../errors.js";
import type { ConnectionData } from "../common/connection.type.js";
import { checkFirst } from "../common/page.args.js";
import { platformStepId } from "../flow/step-id.js";
import { createTicketFromDiagnosis } from "./create-from-diagnosis.js";
import { TicketType } from "./ticket.type.js";
import { type TicketContext, ticketAccessOf, ticketServiceOf } from "./ticket-access-of.js";
import { AddTicketAttachmentInput, TicketFilterInput } from "./ticket-args.input.js";
import {
  CreateTicketDraftInput,
  type StuckMessageEvidenceInput,
  TicketFieldsInput,
  type TicketOtherIdsInput,
  TicketTimelineEntryInput,
} from "./ticket-fields.input.js";
import { TicketConnection, TicketFromDiagnosisType, TicketPreviewType } from "./ticket-payloads.type.js";
import { toTicketData } from "./to-ticket-data.js";

const withoutUndefined = <TValue extends object>(value: TValue) =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined));

// GraphQL lists of { stepId, … } become the per-step maps of core's ticket model.
const evidenceOf = (input: StuckMessageEvidenceInput | null | undefined) =>
  input == null
    ? input
    : {
        flowSuspended: input.flowSuspended,
        lastLogAtPerStep: Object.fromEntries(
          input.lastLogAtPerStep.map(({ stepId, at }) => [platformStepId(stepId), at]),
        ),
        containersRunning: Object.fromEntries(
          input.containersRunning.map(({ stepId, running }) => [platformStepId(stepId), running]),
        ),
      };

// A client may send back the FlowStep.id it read (`<flowId>:step_2`); the ticket keeps the platform's step id.
const otherIdsOf = (input: TicketOtherIdsInput) =>
  withoutUndefined({ ...input, stepId: input.stepId == null ? input.stepId : platformStepId(input.stepId) });

const patchOf = (input: TicketFieldsInput): TicketFieldsPatch => {
  const { timeline: _t, logs: _l, ...fields } = input as CreateTicketDraftInput;
  const otherIds = fields.otherIds == null ? fields.otherIds : otherIdsOf(fields.otherIds);
  const errorReport =
    fields.errorReport == null ? fields.errorReport : withoutUndefined({ ...fields.errorReport });
  const stuckMessageEvidence = evidenceOf(fields.stuckMessageEvidence);
  return withoutUndefined({ ...fields, otherIds, errorReport, stuckMessageEvidence }) as TicketFieldsPatch;
};

// A ticket cursor is a ticket number: a positive integer column.
const TICKET_NUMBER = /^[1-9]\d{0,9}$/;
const afterOf = (after: string | null | undefined): { after?: string } => {
  if (!after) return {};
  if (TICKET_NUMBER.test(after) && Number(after) <= 2_147_483_647) return { after };
  throw new GatewayGraphQLError(
    "BAD_USER_INPUT",
    "after must be a cursor this API returned (edges.cursor or pageInfo.endCursor)",
    { details: { argument: "after" } },
  );
};

@Resolver(() => TicketType)
export class TicketResolver {
  @Query(() => TicketType, {
    nullable: true,
    description: "One ticket; null with NOT_FOUND unless you may see it (see the gateway's README).",
  })
  async ticket(
    @Arg("id", () => ID, { description: "The ticket's id (`Ticket.id`, a UUID), not its key." }) id: string,
    @Ctx() context: TicketContext,
  ): Promise<TicketType> {
    return toTicketData(await ticketServiceOf(context).get(await ticketAccessOf(context), id));
  }

  @Query(() => TicketConnection, { description: "The tickets you may see, newest first." })
  async tickets(
    @Arg("filter", () => TicketFilterInput, {
      description: "Narrows the list by status, contract, delivery status or your own tickets.",
      nullable: true,
    })
    filter: TicketFilterInput | null | undefined,
    @Arg("first", () => Int, {
      description: "How many tickets to return (1 to the gateway's maxPageSize).",
      defaultValue: 20,
    })
    first: number,
    @Arg("after", () => String, {
      description: "Return tickets after this cursor (`pageInfo.endCursor` or an edge's cursor).",
      nullable: true,
    })
    after: string | null | undefined,
    @Ctx() context: TicketContext,
  ): Promise<ConnectionData<TicketType>> {
    const page = await ticketServiceOf(context).list(await ticketAccessOf(context), {
      first: checkFirst(first, context.limits),
      ...afterOf(after),
      ...(filter?.status ? { status: filter.status } : {}),
      ...(filter?.contractId ? { contractId: filter.contractId } : {}),
      ...(filter?.deliveryStatus ? { deliveryStatus: filter.deliveryStatus } : {}),
      ...(filter?.mine ? { mine: true } : {}),
    });
    const nodes = page.nodes.map(toTicketData);
    const edges = nodes.map((node) => ({ cursor: String(node.number), node }));
    return {
      edges,
      nodes,
      totalCount: page.totalCount,
      pageInfo: {
        hasNextPage: page.hasNextPage,
        hasPreviousPage: Boolean(after),
        startCursor: edges[0]?.cursor ?? null,
        endCursor: page.endCursor,
      },
    };
  }

  @Query(() => TicketPreviewType, {
    nullable: true,
    description:
      "Exactly the message support will receive for this ticket; null with NOT_FOUND when you may not see the ticket, FORBIDDEN when you may not read the logs of its workspace.",
  })
  async ticketPreview(
    @Arg("id", () => ID, { description: "The ticket's id (`Ticket.id`)." }) id: string,
    @Ctx() context: TicketContext,
  ): Promise<TicketPreviewType> {
    const preview = await ticketServiceOf(context).markedPreview(await ticketAccessOf(context), id);
    const { message } = preview;
    const attachments = message.attachments.map((file) => ({
      filename: file.filename,
      contentType: file.contentType,
      sizeBytes: file.content.length,
      text: file.contentType.startsWith("text/") ? file.content.toString("utf8") : null,
    }));
    const fields = preview.fields.map((field) => ({
      field: field.field,
      attachmentName: field.attachmentName ?? null,
      text: field.text,
      marks: field.marks.map((mark) => ({ ...mark, id: mark.id ?? null, textFrom: mark.textFrom ?? null })),
    }));
    return {
      messageId: message.messageId,
      from: message.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      attachments,
      fields,
    };
  }

  @Mutation(() => TicketType, { description: "Starts a draft with any subset of fields." })
  async createTicketDraft(
    @Arg("input", () => CreateTicketDraftInput, {
      description: "The fields known so far; everything may be filled in later with `updateTicket`.",
    })
    input: CreateTicketDraftInput,
    @Ctx() context: TicketContext,
  ): Promise<TicketType> {
    const view = await ticketServiceOf(context).create(await ticketAccessOf(context), {
      fields: patchOf(input),
      ...(input.timeline ? { timeline: input.timeline.map(({ at, event }) => ({ at, event })) } : {}),
      ...(input.logs ? { logs: input.logs } : {}),
    });
    return toTicketData(view);
  }

  @Mutation(() => TicketFromDiagnosisType, {
    description:
      "Diagnoses the flow and starts a draft with everything the diagnosis knows. With `errorGroupId`, an open ticket that already covers that error group on the contract is answered instead (the occurrence is added to it; `outcome` says so), and a resolved one reopens.",
  })
  async createTicketFromDiagnosis(
    @Arg("flowId", () => ID, {
      description:
        "The flow to diagnose; the draft carries its ids, error groups, logs and the diagnosis's cause.",
    })
    flowId: string,
    @Arg("errorGroupId", () => ID, {
      nullable: true,
      description: "An error group's fingerprint from the diagnosis.",
    })
    errorGroupId: string | null | undefined,
    @Ctx() context: TicketContext,
  ): Promise<TicketFromDiagnosisType> {
    const service = ticketServiceOf(context);
    const result = await createTicketFromDiagnosis(context, service, await ticketAccessOf(context), {
      flowId,
      errorGroupId: errorGroupId ?? undefined,
    });
    return {
      ticket: toTicketData(result.ticket),
      missing: result.missing.map((m) => ({ ...m })),
      outcome: result.outcome,
    };
  }

  @Mutation(() => TicketType, { description: "Changes a draft: absent fields stay, null clears." })
  async updateTicket(
    @Arg("id", () => ID, { description: "The draft's id (`Ticket.id`); submitted tickets no longer change." })
    id: string,
    @Arg("input", () => TicketFieldsInput, {
      description: "The fields to change: an absent field stays, null clears it.",
    })
    input: TicketFieldsInput,
    @Ctx() context: TicketContext,
  ): Promise<TicketType> {
    return toTicketData(
      await ticketServiceOf(context).update(await ticketAccessOf(context), id, patchOf(input)),
    );
  }

  @Mutation(() => TicketType, {
    description: "Adds one event to a draft's timeline (required when the problem is not easy to reproduce).",
  })
  async addTimelineEvent(
    @Arg("ticketId", () => ID, { description: "The draft's id (`Ticket.id`)." }) ticketId: string,
    @Arg("entry", () => TicketTimelineEntryInput, { description: "When it happened and what happened." })
    entry: TicketTimelineEntryInput,
    @Ctx() context: TicketContext,
  ): Promise<TicketType> {
    return toTicketData(
      await ticketServiceOf(context).addTimelineEvent(await ticketAccessOf(context), ticketId, {
        at: entry.at,
        event: entry.event,
      }),
    );
  }

  @Mutation(() => TicketType, {
    description:
      "Attaches a screenshot, log file or error text to a draft; the bytes are checked and sent with the ticket.",
  })
  async addAttachment(
    @Arg("input", () => AddTicketAttachmentInput, {
      description: "The draft, the kind of file, its name and bytes.",
    })
    input: AddTicketAttachmentInput,
    @Ctx() context: TicketContext,
  ): Promise<TicketType> {
    const { ticketId, kind, name, base64, text } = input;
    return toTicketData(
      await ticketServiceOf(context).addAttachment(await ticketAccessOf(context), ticketId, {
        kind,
        name,
        base64,
        text,
      }),
    );
  }

  @Mutation(() => TicketType, { description: "Removes an attachment from a draft; answers the ticket." })
  async removeAttachment(
    @Arg("id", () => ID, { description: "The attachment's id (`TicketAttachment.id`)." }) id: string,
    @Ctx() context: TicketContext,
  ): Promise<TicketType> {
    return toTicketData(await ticketServiceOf(context).removeAttachment(await ticketAccessOf(context), id));
  }

  @Mutation(() => TicketType, {
    description:
      "Checks the ticket against the guide's rules and queues its delivery; BAD_USER_INPUT lists every problem and changes nothing. The same key twice gives the same ticket and one delivery.",
  })
  async submitTicket(
    @Arg("id", () => ID, { description: "The draft's id (`Ticket.id`)." }) id: string,
    @Arg("idempotencyKey", () => String, {
      description:
        "A key you choose per submission (e.g. a UUID); repeating it returns the same ticket and sends it once.",
    })
    idempotencyKey: string,
    @Ctx() context: TicketContext,
  ): Promise<TicketType> {
    return toTicketData(
      await ticketServiceOf(context).submit(await ticketAccessOf(context), id, idempotencyKey),
    );
  }

  @Mutation(() => TicketType, {
    description:
      "Queues a FAILED delivery again with a fresh set of attempts and the same Message-ID; BAD_USER_INPUT for any other delivery state.",
  })
  async retryTicketDelivery(
    @Arg("id", () => ID, { description: "The id of a submitted ticket whose delivery FAILED." }) id: string,
    @Ctx() context: TicketContext,
  ): Promise<TicketType> {
    return toTicketData(await ticketServiceOf(context).retryDelivery(await ticketAccessOf(context), id));
  }

  @Mutation(() => TicketType, { description: "Gives up a draft." })
  async cancelTicket(
    @Arg("id", () => ID, { description: "The ticket's id (`Ticket.id`)." }) id: string,
    @Arg("reason", () => String, {
      description: "Why it is given up; kept in the status history.",
      nullable: true,
    })
    reason: string | null | undefined,
    @Ctx() context: TicketContext,
  ): Promise<TicketType> {
    return toTicketData(
      await ticketServiceOf(context).cancel(await ticketAccessOf(context), id, reason ?? undefined),
    );
  }
}
