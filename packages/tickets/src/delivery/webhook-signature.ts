import { createHmac, timingSafeEqual } from "node:crypto";

/** The header carrying the delivery's id, the same on every attempt of one delivery (also `deliveryId` in the body). */
export const DELIVERY_ID_HEADER = "flowdoctor-delivery-id";

/** The header carrying `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`. */
export const SIGNATURE_HEADER = "x-flowdoctor-signature";

/** The signature header's value for a body sent at `timestampSec`. */
export const signWebhookBody = (secret: string, body: string, timestampSec: number): string => {
  const mac = createHmac("sha256", secret).update(`${timestampSec}.${body}`).digest("hex");
  return `t=${timestampSec},v1=${mac}`;
};

/** Options of {@link verifyWebhookSignature}. */
export interface VerifySignatureOptions {
  readonly secret: string;
  readonly header: string | undefined;
  readonly body: string;
  /** How old a signature may be, in seconds. @default 300 */
  readonly toleranceSec?: number;
  /** @default the current time */
  readonly nowSec?: number;
}

/** Whether a webhook's signature header matches its body and is recent (for receivers and tests). */
export const verifyWebhookSignature = (options: VerifySignatureOptions): boolean => {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(options.header ?? "");
  if (match === null) return false;
  const timestamp = Number(match[1]);
  const now = options.nowSec ?? Math.floor(Date.now() / 1000);
  if (Math.abs(now - timestamp) > (options.toleranceSec ?? 300)) return false;
  const expected = Buffer.from(signWebhookBody(options.secret, options.body, timestamp));
  const given = Buffer.from(options.header ?? "");
  return expected.length === given.length && timingSafeEqual(expected, given);
};
