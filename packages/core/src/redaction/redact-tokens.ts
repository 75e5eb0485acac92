import { REDACTION_MARKER } from "./redaction-marker.js";

/** A family of credentials recognisable by shape alone. The first capture group, if any, stays visible. */
interface TokenPattern {
  readonly name: string;
  readonly pattern: RegExp;
  readonly accept?: (token: string) => boolean;
}

const hasDigit = (token: string): boolean => /\d/.test(token);
// A 40-character base64 run is an AWS secret access key only if it mixes cases and digits; this keeps
// lower-case hex SHAs and ordinary words out.
const looksRandom = (token: string): boolean => /[A-Z]/.test(token) && /[a-z]/.test(token) && hasDigit(token);
// "Bearer abc.def" / "Basic dXNlcjpwYXNz": a credential has a digit, symbols or mixed case at some length;
// words ("Basic authentication", "Bearer token") do not.
const looksLikeCredential = (token: string): boolean =>
  token.length >= 8 &&
  (hasDigit(token) ||
    (token.length >= 16 && /[-._~+/=]/.test(token)) ||
    (token.length >= 20 && /[A-Z]/.test(token.slice(1)) && /[a-z]/.test(token)));

/** The shapes, most specific first. Each is a single pass with no nested quantifiers. */
const TOKEN_PATTERNS: readonly TokenPattern[] = [
  { name: "jwt", pattern: /\beyJ[\w-]+\.eyJ[\w-]+\.[\w-]*/g },
  { name: "github", pattern: /\b(gh[pousr]_)[A-Za-z0-9]{36,255}\b/g },
  { name: "github-fine-grained", pattern: /\b(github_pat_)[A-Za-z0-9_]{22,255}/g },
  { name: "slack", pattern: /\b(xox[bpars]-)[A-Za-z0-9-]{10,}/g },
  { name: "stripe", pattern: /\b([sr]k_(?:live|test)_)[A-Za-z0-9]{10,}/g },
  { name: "google", pattern: /\b(AIza)[\w-]{35}/g },
  { name: "sendgrid", pattern: /\b(SG\.)[\w-]{16,}\.[\w-]{16,}/g },
  { name: "npm", pattern: /\b(npm_)[A-Za-z0-9]{36}\b/g },
  { name: "openai", pattern: /\b(sk-)[\w-]{20,}/g },
  {
    name: "aws-access-key-id",
    pattern: /\b(AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}\b/g,
  },
  {
    name: "aws-secret-access-key",
    pattern: /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g,
    accept: looksRandom,
  },
  {
    name: "bearer-or-basic",
    pattern: /\b((?:Bearer|Basic)[ \t]+)([A-Za-z0-9\-._~+/]+=*)/gi,
    accept: (token) => looksLikeCredential(token.replace(/^\S+[ \t]+/, "")),
  },
];

const mask = (family: TokenPattern) => (token: string, kept: unknown) => {
  if (family.accept && !family.accept(token)) return token;
  return `${typeof kept === "string" ? kept : ""}${REDACTION_MARKER}`;
};

/**
 * Masks credentials recognisable by their shape: JWTs, AWS access key ids and secret keys, GitHub, Slack,
 * Stripe, Google, SendGrid, npm and OpenAI keys, and `Bearer` / `Basic` credentials in free text. A
 * service's fixed prefix stays (`ghp_[REDACTED]`) so a reader knows what was there.
 */
export const redactTokens = (text: string): string => {
  let out = text;
  for (const family of TOKEN_PATTERNS) out = out.replace(family.pattern, mask(family));
  return out;
};
