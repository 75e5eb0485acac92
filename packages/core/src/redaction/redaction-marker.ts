/** What every masked secret is replaced with. Fixed, so redacted text stays comparable and greppable. */
export const REDACTION_MARKER = "[REDACTED]";
