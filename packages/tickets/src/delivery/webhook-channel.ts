import type { DeliveryChannel, OutgoingTicket } from "./delivery-channel.js";
import { postJson } from "./post-json.js";
import { isStandardWebhookSecret, standardWebhookHeaders } from "./standard-webhook.js";
import { DELIVERY_ID_HEADER, SIGNATURE_HEADER, signWebhookBody } from "./webhook-signature.js";

/** Options of {@link createWebhookChannel}. */
export interface WebhookChannelOptions {
  /** The help desk's endpoint (http or https). */
  readonly url: string;
  /**
   * The shared secret of the HMAC-SHA256 signature. A `whsec_` secret (base64 key) signs the Standard Webhooks way
   * (`webhook-id`, `webhook-timestamp`, `webhook-signature`); any other signs `x-flowdoctor-signature`.
   */
  readonly secret: string;
  /** @default 10000 */
  readonly timeoutMs?: number;
}

/**
 * The JSON a help desk receives: the message as e-mailed, the structured ticket, and the files in base64. It carries
 * the delivery id too, so the signature covers it. A follow-up (`ticket.followed_up`) carries the original ticket's
 * id and key, its number and the Message-ID of the ticket's first message in `inReplyTo`.
 */
export const webhookPayload = (message: OutgoingTicket) => ({
  event: message.followUp === undefined ? "ticket.submitted" : "ticket.followed_up",
  deliveryId: message.deliveryId,
  ticketId: message.ticketId,
  key: message.key,
  messageId: message.messageId,
  ...(message.followUp === undefined
    ? {}
    : { followUp: message.followUp.number, inReplyTo: message.followUp.inReplyTo }),
  to: message.to,
  subject: message.subject,
  text: message.text,
  ticket: message.ticket,
  attachments: message.attachments.map((file) => ({
    filename: file.filename,
    contentType: file.contentType,
    sizeBytes: file.content.length,
    base64: file.content.toString("base64"),
  })),
});

const signatureHeaders = (secret: string, body: string, deliveryId: string): Record<string, string> => {
  const timestampSec = Math.floor(Date.now() / 1000);
  if (isStandardWebhookSecret(secret))
    return standardWebhookHeaders(secret, { id: deliveryId, timestampSec, body });
  return { [SIGNATURE_HEADER]: signWebhookBody(secret, body, timestampSec) };
};

/**
 * POSTs each ticket as JSON, signed (`x-flowdoctor-signature`, or Standard Webhooks with a `whsec_` secret). Delivery is at-least-once: a repeat carries the same
 * `Flowdoctor-Delivery-Id` (also `deliveryId` in the signed body) for the receiver to drop, and the Message-ID in
 * `x-flowdoctor-delivery` and `idempotency-key`. Any answer but 2xx counts as a failure.
 */
export const createWebhookChannel = (options: WebhookChannelOptions): DeliveryChannel => ({
  name: "webhook",
  target: new URL(options.url).origin,
  deliver: async (message) => {
    const body = JSON.stringify(webhookPayload(message));
    const headers = {
      [DELIVERY_ID_HEADER]: message.deliveryId,
      "x-flowdoctor-delivery": message.messageId,
      "idempotency-key": message.messageId,
      ...signatureHeaders(options.secret, body, message.deliveryId),
    };
    await postJson(options.url, body, headers, options.timeoutMs ?? 10_000);
  },
  close: async () => undefined,
});
