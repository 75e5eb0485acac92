import { redactSecrets } from "./redact-secrets.js";

/**
 * `text` cut to at most `max` characters, ending in `…` when cut. The cut is made after redacting: cutting first
 * could keep the head of a secret that redaction no longer recognises. Texts short enough are returned unchanged, as
 * every surface redacts them whole.
 */
export const shortenRedacted = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const redacted = redactSecrets(text);
  return redacted.length <= max ? redacted : `${redacted.slice(0, max - 1)}…`;
};
