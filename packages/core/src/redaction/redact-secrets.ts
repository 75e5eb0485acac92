import { CoreError } from "../errors.js";
import { redactKeyValues } from "./redact-key-values.js";
import { redactPrivateKeys } from "./redact-private-keys.js";
import { redactTokens } from "./redact-tokens.js";
import { redactUrlCredentials } from "./redact-url-credentials.js";

/**
 * Masks credentials in free text before it leaves the process (logs, responses, tickets, downloaded `.log`
 * files). Each secret becomes {@link REDACTION_MARKER} and the name around it stays, so the text stays readable:
 *
 * - PEM private keys (the armour lines stay);
 * - passwords in URLs: `https://user:[REDACTED]@host`;
 * - values of secret-named keys in JSON (`"password": "[REDACTED]"`, also `\"escaped\"` inside a JSON string),
 *   query strings and form bodies (`api_key=[REDACTED]&`), headers (`Authorization: Bearer [REDACTED]`; schemes
 *   with parameters, like Digest, are masked to the end of the line) and `util.inspect` output;
 * - tokens known by shape: JWTs, AWS, GitHub, Slack, Stripe, Google, SendGrid, npm and OpenAI keys, and
 *   `Bearer`/`Basic` credentials in free text.
 *
 * Runs in time linear in the text's length; redacting twice gives the same text as redacting once. Throws
 * `CORE_INVALID_INPUT` when `text` is not a string.
 *
 * @example
 * redactSecrets('POST https://api.example.com?api_key=abc123 {"password":"hunter2"}');
 * // 'POST https://api.example.com?api_key=[REDACTED] {"password":"[REDACTED]"}'
 */
export const redactSecrets = (text: string): string => {
  if (typeof text !== "string") throw new CoreError("CORE_INVALID_INPUT", "text must be a string");
  return redactTokens(redactKeyValues(redactUrlCredentials(redactPrivateKeys(text))));
};
