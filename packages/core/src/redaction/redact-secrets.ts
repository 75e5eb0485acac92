import { findSecrets, replaceSpans } from "./find-secrets.js";

/**
 * Masks credentials in free text before it leaves the process (logs, responses, tickets, downloaded `.log`
 * files). Each secret becomes {@link REDACTION_MARKER} and the name around it stays, so the text stays readable:
 *
 * - PEM, OpenSSH and PGP private keys (the armour lines stay);
 * - passwords in URLs, whatever characters they hold: `postgres://user:[REDACTED]@host`;
 * - values of secret-named keys in JSON (`"password": "[REDACTED]"`, also escaped inside JSON strings, once or
 *   more), YAML, query strings and form bodies (`api_key=[REDACTED]&`), headers (`Authorization: Bearer
 *   [REDACTED]`, `X-Api-Key`, `Cookie`; schemes with parameters, like Digest, are masked to the end of the line),
 *   XML (`<password>[REDACTED]</password>`), command-line flags (`--password [REDACTED]`), prose labels in
 *   several languages (`API key: [REDACTED]`, `Passwort: [REDACTED]`) and `util.inspect` output;
 * - credentials known by shape, listed with their sources in {@link SECRET_SHAPES}: JWTs, AWS, GitHub, GitLab,
 *   Slack, Shopify, HubSpot, Salesforce, Stripe, Google, OpenAI, Anthropic and dozens more, and `Bearer`/`Basic`
 *   credentials in free text. A vendor's prefix stays: `ghp_[REDACTED]`.
 *
 * Equals `text` with exactly the spans of {@link findSecrets} replaced. Runs in time linear in the text's length;
 * redacting twice gives the same text as redacting once. Throws `CORE_INVALID_INPUT` when `text` is not a string.
 *
 * @example
 * redactSecrets('POST https://api.example.com?api_key=abc123 {"password":"hunter2"}');
 * // 'POST https://api.example.com?api_key=[REDACTED] {"password":"[REDACTED]"}'
 */
export const redactSecrets = (text: string): string => {
  const spans = findSecrets(text);
  return spans.length === 0 ? text : replaceSpans(text, spans);
};
