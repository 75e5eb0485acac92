import { ticketSubject } from "@flowdoctor/core";
import type { TicketDb } from "../db/open-ticket-db.js";
import type { OutboxRow } from "../db/schema.js";
import {
  type MessageOptions,
  redactMessage,
  type TicketMessage,
  ticketMessageId,
} from "../delivery/ticket-message.js";
import { keptTexts } from "../redactions/redaction-ledger.js";
import { draftOfView, type TicketView } from "../ticket-view.js";

const fence = (text: string): string => {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const ticks = "`".repeat(longest + 1);
  return `${ticks}\n${text}\n${ticks}`;
};

/** What happened since the previous message: the occurrences after it, and whether one of them reopened the ticket. */
const sincePrevious = (view: TicketView, job: OutboxRow) => {
  const previous = [view.delivery, ...view.followUps].find((other) => other?.followUp === job.followUp - 1);
  const since = previous?.createdAt ?? new Date(0);
  const recent = view.occurrenceLog.filter((occurrence) => occurrence.at >= since);
  return { reopened: recent.some((occurrence) => occurrence.reopened), latest: view.occurrenceLog.at(-1) };
};

/**
 * The n-th follow-up of a delivered ticket: `Re:` its subject, threaded to its first message (`In-Reply-To`,
 * `References`), telling how often the problem occurred, when last, whether it reopened the ticket, and the latest
 * redacted log excerpt. Redacted as a whole, like the ticket's own message.
 */
export const composeFollowUpMessage = async (
  db: TicketDb,
  view: TicketView,
  job: OutboxRow,
  options: MessageOptions,
): Promise<TicketMessage> => {
  const ticket = await draftOfView(db, view);
  const subject = ticketSubject(view.number, ticket.title).replace(/^\[Flowdoctor #\d+\]/, `[${view.key}]`);
  const { reopened, latest } = sincePrevious(view, job);
  const lines = [
    `Follow-up ${job.followUp} to ticket ${view.key}`,
    "",
    reopened
      ? "The ticket was resolved, and the problem returned: it is reopened."
      : "The problem occurred again.",
    `Occurrences in all: ${view.occurrences}. Last seen: ${(view.lastSeenAt ?? latest?.at)?.toISOString() ?? "unknown"}.`,
    ...(latest?.excerpt ? ["", "Latest log excerpt:", "", fence(latest.excerpt)] : []),
  ];
  return redactMessage(
    {
      ticketId: view.id,
      key: view.key,
      messageId: job.messageId,
      from: options.from,
      to: options.to,
      subject: `Re: ${subject}`,
      text: `${lines.join("\n")}\n`,
      attachments: [],
      ticket,
      followUp: { number: job.followUp, inReplyTo: ticketMessageId(view.key, view.id) },
    },
    { keep: await keptTexts(db, view.id) },
  );
};
