import { missingForSubmission } from "@flowdoctor/core";
import type { TicketView } from "@flowdoctor/tickets";
import type { TicketType } from "./ticket.type.js";

const defined = <TValue extends object>(value: TValue): TValue =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as TValue;

/** A stored ticket as the GraphQL `Ticket` type reads it. */
export const toTicketData = (view: TicketView): TicketType => {
  const { stuckMessageEvidence: evidence, ...fields } = view.fields;
  return defined({
    ...fields,
    stuckMessageEvidence: evidence && {
      flowSuspended: evidence.flowSuspended,
      lastLogAtPerStep: Object.entries(evidence.lastLogAtPerStep).map(([stepId, at]) => ({ stepId, at })),
      containersRunning: Object.entries(evidence.containersRunning).map(([stepId, running]) => ({
        stepId,
        running,
      })),
    },
    id: view.id,
    number: view.number,
    key: view.key,
    status: view.status,
    authorId: view.ownerUserId,
    timeline: view.timeline.map(({ at, event }) => ({ at, event })),
    attachments: view.attachments.map((attachment) => ({ ...attachment })),
    statusHistory: view.history.map(({ status, at, actorUserId, note }) => ({
      status,
      at,
      actorUserId,
      note,
    })),
    delivery: view.delivery ?? null,
    missing:
      view.status === "DRAFT"
        ? missingForSubmission({ ...view.fields, timeline: view.timeline }).map((m) => ({ ...m }))
        : [],
    createdAt: view.createdAt,
    updatedAt: view.updatedAt,
    submittedAt: view.submittedAt,
    fingerprints: [...view.fingerprints],
    occurrences: view.occurrences,
    lastSeenAt: view.lastSeenAt,
    occurrenceTimeline: view.occurrenceLog.map(({ at, fingerprint, reportedBy, reopened, excerpt }) => ({
      at,
      fingerprint,
      reportedBy,
      reopened,
      excerpt,
      ticket: {
        key: view.key,
        authorId: view.ownerUserId,
        ...(view.contractId === null ? {} : { contractId: view.contractId }),
        ...(view.fields.workspaceId === undefined ? {} : { workspaceId: view.fields.workspaceId }),
      },
    })),
    resolvedAt: view.resolvedAt,
    reopened: view.reopenedCount > 0,
    reopenedCount: view.reopenedCount,
    followUpCount: view.followUps.length,
  } as TicketType);
};
