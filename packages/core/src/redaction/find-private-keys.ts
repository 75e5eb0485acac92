import { PRIVATE_KEY, type SecretSpan } from "./secret-span.js";

const BEGIN_PATTERN = /-----BEGIN ([A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?)-----/g;

/**
 * Where the bodies of PEM, OpenSSH and PGP private keys are (`-----BEGIN RSA PRIVATE KEY-----` ...
 * `-----END RSA PRIVATE KEY-----`, `-----BEGIN OPENSSH PRIVATE KEY-----`, `-----BEGIN PGP PRIVATE KEY
 * BLOCK-----`), raw or with escaped `\n` inside JSON. The armour lines stay out of the span; a key without its END
 * line runs to the end of the text, since where it stops is unknown.
 */
export const findPrivateKeys = (text: string): SecretSpan[] => {
  if (!text.includes("PRIVATE KEY")) return [];
  const pattern = BEGIN_PATTERN;
  pattern.lastIndex = 0;
  const spans: SecretSpan[] = [];
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const bodyStart = pattern.lastIndex;
    const endLine = `-----END ${match[1]}-----`;
    const end = text.indexOf(endLine, bodyStart);
    spans.push({ from: bodyStart, to: end === -1 ? text.length : end, kind: PRIVATE_KEY });
    if (end === -1) return spans;
    pattern.lastIndex = end + endLine.length;
  }
  return spans;
};
