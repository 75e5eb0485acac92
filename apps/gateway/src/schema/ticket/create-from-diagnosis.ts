import {
  type Diagnosis,
  type MissingTicketField,
  missingForSubmission,
  type TicketDraft,
} from "@flowdoctor/core";
import type { ReportOutcome, TicketAccess, TicketService, TicketView } from "@flowdoctor/tickets";
import { diagnosesOf } from "../../diagnosis/request-diagnoses.js";
import { GatewayGraphQLError } from "../../errors.js";
import type { TicketContext } from "./ticket-access-of.js";

/** Which flow, and optionally which of its error groups (its fingerprint), the ticket is about. */
export interface FromDiagnosisInput {
  readonly flowId: string;
  readonly errorGroupId?: string | undefined;
}

const focusOnGroup = async (
  draft: TicketDraft,
  input: FromDiagnosisInput,
  groups: Diagnosis["errorGroups"],
) => {
  if (input.errorGroupId === undefined) return draft;
  const group = groups.find((candidate) => candidate.fingerprint === input.errorGroupId);
  if (group === undefined)
    throw new GatewayGraphQLError(
      "NOT_FOUND",
      `Error group ${JSON.stringify(input.errorGroupId)} is not among the flow's errors of the last 24 hours.`,
    );
  return {
    ...draft,
    errorText: group.message,
    firstObservedAt: group.firstSeen,
    cause: group.cause,
    troubleshootingLevel: group.level,
    otherIds: { ...draft.otherIds, ...(group.stepId === undefined ? {} : { stepId: group.stepId }) },
  };
};

const missingOf = (ticket: TicketView): readonly MissingTicketField[] =>
  ticket.status === "DRAFT" ? missingForSubmission({ ...ticket.fields, timeline: ticket.timeline }) : [];

/**
 * Diagnoses the flow as the caller and stores a draft with everything the diagnosis knows: ids, error text,
 * first-observed time, the redacted log of the failing step, the timeline, level and cause, the documentation
 * the findings link (as "documentation checked") and a suggested priority.
 */
export const createTicketFromDiagnosis = async (
  context: TicketContext,
  service: TicketService,
  access: TicketAccess,
  input: FromDiagnosisInput,
): Promise<{ ticket: TicketView; missing: readonly MissingTicketField[]; outcome: ReportOutcome }> => {
  const diagnosis = await diagnosesOf(context).diagnose({ flowId: input.flowId });
  const draft = await focusOnGroup(diagnosis.ticket.draft, input, diagnosis.errorGroups);
  const { timeline, logs, screenshots: _none, ...fields } = draft;
  const stepId = draft.otherIds?.stepId;
  const create = {
    fields,
    ...(timeline === undefined ? {} : { timeline }),
    ...(logs === undefined ? {} : { logs, logName: `${stepId ?? "flow"}.log` }),
  };
  // A known error group on a contract is a problem: an open ticket for it is answered instead of a second draft.
  if (input.errorGroupId !== undefined && draft.contractId !== undefined) {
    const report = {
      ...create,
      fingerprint: input.errorGroupId,
      ...(logs === undefined ? {} : { excerpt: logs }),
    };
    const { ticket, outcome } = await service.report(access, report);
    return {
      ticket,
      outcome,
      missing: outcome === "CREATED" ? missingForSubmission(draft) : missingOf(ticket),
    };
  }
  return {
    ticket: await service.create(access, create),
    missing: missingForSubmission(draft),
    outcome: "CREATED",
  };
};
