import { REDACTION_MARKER } from "./redaction-marker.js";
import { scanBare, scanQuoted } from "./scan-value.js";
import { isSecretKeyName } from "./secret-key-name.js";
import { KEY_VALUE, type SecretSpan } from "./secret-span.js";

// Labels of secrets in prose, in the languages of the logs we read: "API key: x", "api key is x",
// "Passwort: x", "mot de passe : x", "Contraseña = x", "Пароль: x". A two-word label is a qualifier and a noun;
// isSecretKeyName then decides (`client secret` is one, `client id` is not).
const LABEL =
  "(?:(?:personal[ \\t]+access|api|access|secret|private|auth|refresh|client|session|signing|encryption|master|account|app|application|bot|bearer|subscription|webhook)[ \\t_-]?(?:key|token|secret|password|id)|password|passwort|kennwort|passphrase|passcode|passwd|token|secret|mot[ \\t]+de[ \\t]+passe|contraseña|contrasena|senha|wachtwoord|passord|lösenord|losenord|salasana|hasło|haslo|heslo|jelszó|jelszo|parola|şifre|sifre|пароль)";
// "is", "was" and their German, French, Spanish, Portuguese and Italian counterparts.
const IS = "(?:is|was|ist|war|est|es|era|é|è|is set to|set to)";
const LABEL_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}_.-])(${LABEL})(?:[ \\t]+(${IS})[ \\t]+|[ \\t]*[:=][ \\t]*)`,
  "giu",
);

const LITERALS = new Set(["null", "undefined", "true", "false", "none", "nil", "empty", "n/a", "-"]);
// After "password is ...": the words of an error message, not a password.
const STATE_WORDS = new Set([
  "a",
  "an",
  "the",
  "not",
  "no",
  "now",
  "being",
  "too",
  "required",
  "missing",
  "invalid",
  "incorrect",
  "wrong",
  "expired",
  "revoked",
  "empty",
  "blank",
  "valid",
  "correct",
  "set",
  "unset",
  "changed",
  "reset",
  "needed",
  "mandatory",
  "malformed",
  "weak",
  "short",
  "long",
  "present",
  "absent",
  "disabled",
  "enabled",
  "ok",
  "okay",
  "null",
  "undefined",
  "unknown",
  "unavailable",
  "erforderlich",
  "ungültig",
  "falsch",
  "abgelaufen",
  "requis",
  "invalide",
  "incorrect",
  "expiré",
  "obligatorio",
  "inválido",
  "incorrecto",
  "obrigatório",
  "inválida",
]);
const TRAILING_PUNCTUATION = /[.,;:!?]+$/;
// A value said in prose is masked when it looks like one: a digit, a symbol, or a capital after the first letter.
const LOOKS_LIKE_A_VALUE = /[\d!@#$%^&*_+=/~\\|<>]|.\p{Lu}/u;

/**
 * Where values labelled as secrets in prose are: "API key: x", "api key is x", "Passwort: x",
 * "mot de passe : x", "Пароль: x". After "is" a value is masked only when it looks like one (not "password is
 * required").
 */
export const findLabelledValues = (text: string): SecretSpan[] => {
  const spans: SecretSpan[] = [];
  const pattern = LABEL_PATTERN;
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match !== null; match = pattern.exec(text)) {
    if (!isSecretKeyName(match[1] ?? "")) continue;
    const at = pattern.lastIndex;
    if (text.startsWith(REDACTION_MARKER, at)) continue;
    const quote = text[at];
    const quoted = quote === '"' || quote === "'";
    const value = quoted ? scanQuoted(text, at + 1, quote) : scanBare(text, at);
    let to = value.to;
    const said = match[2] !== undefined;
    if (said && !quoted)
      to = value.from + text.slice(value.from, value.to).replace(TRAILING_PUNCTUATION, "").length;
    const word = text.slice(value.from, to);
    if (to === value.from || LITERALS.has(word.toLowerCase())) continue;
    if (said && !quoted && (STATE_WORDS.has(word.toLowerCase()) || !LOOKS_LIKE_A_VALUE.test(word))) continue;
    spans.push({ from: value.from, to, kind: KEY_VALUE });
    pattern.lastIndex = Math.max(to, at);
  }
  return spans;
};
