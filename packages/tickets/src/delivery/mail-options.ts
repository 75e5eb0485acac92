import type { SendMailOptions } from "nodemailer";
import type { TicketMessage } from "./ticket-message.js";

/** The e-mail of a ticket: subject with number and title, the rendered ticket as body, its files attached. */
export const mailOptionsOf = (message: TicketMessage): SendMailOptions => ({
  from: message.from,
  to: message.to,
  subject: message.subject,
  text: message.text,
  messageId: message.messageId,
  // A follow-up threads under the ticket's first message in every mail client.
  ...(message.followUp === undefined
    ? {}
    : { inReplyTo: message.followUp.inReplyTo, references: [message.followUp.inReplyTo] }),
  headers: { "X-Flowdoctor-Ticket": message.key },
  attachments: message.attachments.map((file) => ({
    filename: file.filename,
    contentType: file.contentType,
    content: file.content,
  })),
});
