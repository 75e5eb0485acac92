import { createHmac } from "node:crypto";

/** The prefix of a Standard Webhooks secret: `whsec_` and the key in base64. */
export const STANDARD_SECRET_PREFIX = "whsec_";

// The spec recommends keys of 24 to 64 bytes; fewer than 16 would be guessable.
const MIN_KEY_BYTES = 16;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Whether a configured secret asks for Standard Webhooks signatures. */
export const isStandardWebhookSecret = (secret: string): boolean => secret.startsWith(STANDARD_SECRET_PREFIX);

/** Why a `whsec_` secret is unusable, or undefined when it is fine. */
export const standardSecretProblem = (secret: string): string | undefined => {
  const encoded = secret.slice(STANDARD_SECRET_PREFIX.length);
  if (!BASE64.test(encoded) || encoded.length % 4 !== 0) return "must be whsec_ followed by base64";
  if (Buffer.from(encoded, "base64").length < MIN_KEY_BYTES)
    return `must hold a key of at least ${MIN_KEY_BYTES} bytes after whsec_`;
  return undefined;
};

/** What one Standard Webhooks signature covers. */
export interface StandardWebhookMessage {
  /** `webhook-id`: the same on every attempt of one delivery. */
  readonly id: string;
  /** `webhook-timestamp`, in Unix seconds. */
  readonly timestampSec: number;
  readonly body: string;
}

/** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` keyed by the secret's decoded bytes (Standard Webhooks 1.0). */
export const signStandardWebhook = (secret: string, message: StandardWebhookMessage): string => {
  const key = Buffer.from(secret.slice(STANDARD_SECRET_PREFIX.length), "base64");
  const signed = `${message.id}.${message.timestampSec}.${message.body}`;
  return `v1,${createHmac("sha256", key).update(signed).digest("base64")}`;
};

/** The three Standard Webhooks headers of one delivery attempt. */
export const standardWebhookHeaders = (
  secret: string,
  message: StandardWebhookMessage,
): Record<string, string> => ({
  "webhook-id": message.id,
  "webhook-timestamp": String(message.timestampSec),
  "webhook-signature": signStandardWebhook(secret, message),
});
