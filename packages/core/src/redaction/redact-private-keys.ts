import { REDACTION_MARKER } from "./redaction-marker.js";

const BEGIN_PATTERN = /-----BEGIN ([A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?)-----/g;

/**
 * Masks the body of PEM private keys (`-----BEGIN RSA PRIVATE KEY-----` ... `-----END RSA PRIVATE KEY-----`),
 * raw or with escaped `\n` inside JSON. The armour lines stay; a key without its END line is masked to the end
 * of the text, since where it stops is unknown.
 */
export const redactPrivateKeys = (text: string): string => {
  if (!text.includes("PRIVATE KEY")) return text;
  const pattern = new RegExp(BEGIN_PATTERN.source, "g");
  let out = "";
  let copied = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    const bodyStart = pattern.lastIndex;
    const endLine = `-----END ${match[1]}-----`;
    const end = text.indexOf(endLine, bodyStart);
    out += text.slice(copied, bodyStart) + REDACTION_MARKER;
    if (end === -1) return out;
    copied = end;
    pattern.lastIndex = end + endLine.length;
  }
  return out + text.slice(copied);
};
