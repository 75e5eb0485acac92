import {
  type RedactOptions,
  redactObject,
  redactSecretsMarked,
  renderTicket,
  type TicketDraft,
  ticketSubject,
} from "@flowdoctor/core";
import { eq } from "drizzle-orm";
import type { TicketDb } from "../db/open-ticket-db.js";
import { ticketAttachments } from "../db/schema.js";
import { keptTexts } from "../redactions/redaction-ledger.js";
import { draftOfView, type TicketView } from "../ticket-view.js";

/** A file sent with the ticket. */
export interface TicketMessageAttachment {
  readonly filename: string;
  readonly contentType: string;
  readonly content: Buffer;
}

/** Exactly what support receives, whatever the channel. */
export interface TicketMessage {
  readonly ticketId: string;
  /** `FD-1042` */
  readonly key: string;
  /** Stable per ticket, so a message sent twice (after a crash) is recognisable as the same. */
  readonly messageId: string;
  readonly from: string;
  readonly to: string;
  /** `[FD-1042] title` */
  readonly subject: string;
  /** The rendered ticket (Markdown), redacted. */
  readonly text: string;
  readonly attachments: readonly TicketMessageAttachment[];
  /** The ticket as core's draft, for channels that send structured data. */
  readonly ticket: TicketDraft;
  /** Follow-ups only: which follow-up (1, 2, ...) and the Message-ID of the ticket's first message they answer. */
  readonly followUp?: { readonly number: number; readonly inReplyTo: string };
}

/** Addresses and links of outgoing messages. */
export interface MessageOptions {
  /** The support address. */
  readonly to: string;
  readonly from: string;
  /** The app's base URL for flow links, e.g. `https://app.elastic.io`. @default "" */
  readonly appUrl?: string;
}

/** The ticket's stable Message-ID, e.g. `<FD-1042.0b5e…@flowdoctor>`. */
export const ticketMessageId = (key: string, ticketId: string): string => `<${key}.${ticketId}@flowdoctor>`;

const withExtension = (name: string, extension: string): string =>
  name.toLowerCase().endsWith(extension) ? name : `${name}${extension}`;

const attachmentsOf = async (db: TicketDb, view: TicketView): Promise<TicketMessageAttachment[]> => {
  const rows = await db.select().from(ticketAttachments).where(eq(ticketAttachments.ticketId, view.id));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return view.attachments.flatMap((meta) => {
    const row = byId.get(meta.id);
    if (row === undefined) return [];
    if (meta.kind === "SCREENSHOT")
      return [{ filename: meta.name, contentType: meta.mediaType, content: row.content }];
    const extension = meta.kind === "LOG" ? ".log" : ".txt";
    return [
      {
        filename: withExtension(meta.name, extension),
        contentType: "text/plain; charset=utf-8",
        content: row.content,
      },
    ];
  });
};

const TEXT_FILE = /^text\//;

/**
 * The message with everything support could read redacted: subject, body, the structured ticket (the webhook's
 * `ticket`), file names and the content of text files. Screenshots' bytes stay as they are. `options.keep`: the
 * texts a person restored in the preview (they said these are not secret).
 */
export const redactMessage = (message: TicketMessage, options: RedactOptions = {}): TicketMessage => {
  const redact = (text: string) => redactSecretsMarked(text, options).text;
  return {
    ...message,
    subject: redact(message.subject),
    text: redact(message.text),
    ticket: redactObject(message.ticket, options),
    attachments: message.attachments.map((file) => ({
      ...file,
      filename: redact(file.filename),
      content: TEXT_FILE.test(file.contentType)
        ? Buffer.from(redact(file.content.toString("utf8")), "utf8")
        : file.content,
    })),
  };
};

/**
 * Builds the message for a ticket: subject with number and title, the rendered ticket, and its files. The one place
 * every channel (mail folder, SMTP, webhook) and the preview get it from, so it is redacted here, as a whole, even
 * though the stored ticket already is: the ticket may predate a secret shape redaction knows now.
 */
export const composeTicketMessage = async (
  db: TicketDb,
  view: TicketView,
  options: MessageOptions,
): Promise<TicketMessage> => {
  const ticket = await draftOfView(db, view);
  const subject = ticketSubject(view.number, ticket.title).replace(/^\[Flowdoctor #\d+\]/, `[${view.key}]`);
  return redactMessage(
    {
      ticketId: view.id,
      key: view.key,
      messageId: ticketMessageId(view.key, view.id),
      from: options.from,
      to: options.to,
      subject,
      text: `Ticket ${view.key}\n\n${renderTicket(ticket, { appUrl: options.appUrl ?? "" })}`,
      attachments: await attachmentsOf(db, view),
      ticket,
    },
    { keep: await keptTexts(db, view.id) },
  );
};
