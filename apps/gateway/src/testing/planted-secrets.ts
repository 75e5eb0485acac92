import { REDACTION_MARKER, redactSecrets } from "@flowdoctor/core";

/** A credential of one shape, written the way it shows up in a log line or a form. */
export interface PlantedSecret {
  readonly id: string;
  readonly example: string;
}

/**
 * One example per shape that core's redaction masks, in the form of core's catalogue of secret shapes (entries with
 * `id` and `example`): that catalogue can take this list's place without changing the tests that use it.
 */
export const PLANTED: readonly PlantedSecret[] = [
  { id: "url-password", example: "https://probe:Pl4nted-url-Passw0rd@127.0.0.1:9/prices" },
  { id: "json-password", example: '{"user":"kim","password":"Pl4nted-json-Passw0rd"}' },
  { id: "authorization-bearer", example: "Authorization: Bearer Pl4ntedBearerT0ken.x9Kq2" },
  { id: "aws-access-key-id", example: "AKIAPL4NTEDKEY00AWS1" },
  {
    id: "jwt",
    example: "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJwbGFudGVkLWp3dCJ9.Pl4ntedJwtSignatureQ8s",
  },
];

/** Every planted example in one text. */
export const ALL_PLANTED = PLANTED.map((secret) => secret.example).join(" ");

/** The planted examples that hold no blank, for single-token fields (ids, file names once slashes are gone). */
export const PLANTED_TOKENS = PLANTED.map((secret) => secret.example).filter(
  (example) => !/\s/.test(example),
);

// Shorter masked parts (a PIN, a two-letter password) could turn up in any text by chance.
const MIN_SECRET_LENGTH = 8;

/**
 * What redaction masks in an example, the parts that must never leave the gateway: the example minus the text that
 * redaction keeps around each marker (`https://probe:` and `@127.0.0.1:9/prices` of a URL, `AKIA` of an AWS key).
 */
export const secretPartsOf = (example: string): string[] => {
  const kept = redactSecrets(example).split(REDACTION_MARKER);
  const parts: string[] = [];
  let at = 0;
  for (const [index, chunk] of kept.entries()) {
    const found = index === kept.length - 1 ? example.length - chunk.length : example.indexOf(chunk, at);
    if (index > 0 && found > at) parts.push(example.slice(at, found));
    at = found + chunk.length;
  }
  return parts.filter((part) => part.length >= MIN_SECRET_LENGTH);
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

/** `surface: shape id` for each planted secret found in the texts. */
export const leaksIn = (surface: string, texts: readonly string[]): string[] =>
  PLANTED.flatMap((secret) =>
    secretPartsOf(secret.example).some((part) => texts.some((text) => text.includes(part)))
      ? [`${surface}: ${secret.id}`]
      : [],
  );
