import { REDACTION_MARKER, redactSecrets, SECRET_EXAMPLES } from "@flowdoctor/core";

/** A credential of one shape, written the way it shows up in a log line or a form. */
export interface PlantedSecret {
  /** The kind of secret (core's shape id, or `key-value`, `url-password`, `private-key`); several share one. */
  readonly id: string;
  readonly example: string;
  /** The example as redaction leaves it. */
  readonly redacted: string;
}

/** Every example of core's catalogue of secrets ({@link SECRET_EXAMPLES}): every shape that redaction masks. */
export const PLANTED: readonly PlantedSecret[] = SECRET_EXAMPLES.map((secret) => ({
  id: secret.kind,
  example: secret.text,
  redacted: secret.redacted,
}));

/** Every planted example in one text. */
export const ALL_PLANTED = PLANTED.map((secret) => secret.example).join(" ");

/** The planted examples without a line break, for fields that must be a single line. */
export const PLANTED_LINES = PLANTED.map((secret) => secret.example).filter(
  (example) => !/[\r\n]/.test(example),
);

/** The planted examples that hold no blank, for single-token fields (ids, file names once slashes are gone). */
export const PLANTED_TOKENS = PLANTED.map((secret) => secret.example).filter(
  (example) => !/\s/.test(example),
);

/**
 * The texts joined by blanks into as few pieces as fit `maxLength` each, for fields too short to hold them all in
 * one. Throws when one text alone is longer.
 */
export const packed = (texts: readonly string[], maxLength: number): string[] =>
  texts.reduce<string[]>((pieces, text) => {
    if (text.length > maxLength)
      throw new Error(`a planted text of ${text.length} characters exceeds ${maxLength}`);
    const last = pieces.at(-1);
    if (last !== undefined && last.length + 1 + text.length <= maxLength)
      pieces[pieces.length - 1] = `${last} ${text}`;
    else pieces.push(text);
    return pieces;
  }, []);

// Shorter masked parts (a PIN, a two-letter password) could turn up in any text by chance.
const MIN_SECRET_LENGTH = 8;

/**
 * A masked part with as much of the text around it as brings it to {@link MIN_SECRET_LENGTH}, one character on
 * each side in turn: `tiger`, the password of `jdbc:oracle:thin:scott/tiger@db…`, is looked for as `t/tiger@`.
 * Any copy of the example that still holds the password holds this; the redacted example never does, since the
 * password's place holds the marker.
 */
const widened = (example: string, start: number, end: number): string => {
  let [from, to] = [start, end];
  while (to - from < MIN_SECRET_LENGTH && (from > 0 || to < example.length)) {
    if (from > 0) from -= 1;
    if (to - from < MIN_SECRET_LENGTH && to < example.length) to += 1;
  }
  return example.slice(from, to);
};

/**
 * What redaction masks in an example, the parts that must never leave the gateway: the example minus the text that
 * redaction keeps around each marker (`https://probe:` and `@127.0.0.1:9/prices` of a URL, `AKIA` of an AWS key).
 * A part shorter than {@link MIN_SECRET_LENGTH} is looked for with the text around it ({@link widened}).
 */
export const secretPartsOf = (example: string): string[] => {
  const kept = redactSecrets(example).split(REDACTION_MARKER);
  const parts: string[] = [];
  let at = 0;
  for (const [index, chunk] of kept.entries()) {
    const found = index === kept.length - 1 ? example.length - chunk.length : example.indexOf(chunk, at);
    if (index > 0 && found > at) parts.push(widened(example, at, found));
    at = found + chunk.length;
  }
  return parts;
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * Every string in a value, at any depth, object keys included; a `base64` value also as the UTF-8 text it encodes,
 * since a text attachment travels that way.
 */
export const stringsOf = (value: unknown): string[] => {
  if (typeof value === "string") return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, item]) => [
    key,
    ...stringsOf(item),
    ...(key === "base64" && typeof item === "string" ? [Buffer.from(item, "base64").toString("utf8")] : []),
  ]);
};

/** `surface: kind #n` for each planted secret found in the texts, n its index in {@link PLANTED}. */
export const leaksIn = (surface: string, texts: readonly string[]): string[] => {
  partsOfPlanted ??= PLANTED.map((secret) => secretPartsOf(secret.example));
  const parts = partsOfPlanted;
  return PLANTED.flatMap((secret, index) =>
    (parts[index] ?? []).some((part) => texts.some((text) => text.includes(part)))
      ? [`${surface}: ${secret.id} #${index}`]
      : [],
  );
};

// The secret parts of each planted example, worked out on first use.
let partsOfPlanted: string[][] | undefined;
