import { findSecrets, replaceSpans } from "./find-secrets.js";
import { REDACTION_MARKER } from "./redaction-marker.js";
import type { SecretSpan } from "./secret-span.js";

/**
 * A secret masked in a redacted text: the marker sits at `[from, to)` of the redacted text, `kind` says what
 * found it (as {@link SecretSpan}'s `kind`), and `original` is where the secret was in the text given.
 */
export interface RedactionMark extends SecretSpan {
  readonly original: { readonly from: number; readonly to: number };
}

/** A redacted text and where its markers are, in order. */
export interface MarkedRedaction {
  readonly text: string;
  readonly marks: readonly RedactionMark[];
}

/** Options of {@link redactSecretsMarked}. */
export interface RedactOptions {
  /** Texts a person said are not secret: a span holding exactly one of these stays as it is. */
  readonly keep?: readonly string[];
}

/**
 * {@link redactSecrets} that also says what it masked: the redacted text and, for every marker it wrote, where it
 * sits in that text and the kind of secret it replaced. The marks come from the very spans that are replaced, so
 * they match the text byte for byte. Markers already in `text` are not reported again.
 *
 * @example
 * redactSecretsMarked("token=abc123");
 * // { text: "token=[REDACTED]", marks: [{ from: 6, to: 16, kind: "key-value", original: { from: 6, to: 12 } }] }
 */
export const redactSecretsMarked = (text: string, options: RedactOptions = {}): MarkedRedaction => {
  const keep = new Set(options.keep ?? []);
  const spans = findSecrets(text).filter((span) => !keep.has(text.slice(span.from, span.to)));
  if (spans.length === 0) return { text, marks: [] };
  const marks: RedactionMark[] = [];
  let shift = 0;
  for (const span of spans) {
    const from = span.from - shift;
    marks.push({
      from,
      to: from + REDACTION_MARKER.length,
      kind: span.kind,
      original: { from: span.from, to: span.to },
    });
    shift += span.to - span.from - REDACTION_MARKER.length;
  }
  return { text: replaceSpans(text, spans), marks };
};

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
export const redactSecrets = (text: string): string => redactSecretsMarked(text).text;
