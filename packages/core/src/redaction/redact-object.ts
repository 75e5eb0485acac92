import { type RedactOptions, redactSecretsMarked } from "./redact-secrets.js";
import { REDACTION_MARKER } from "./redaction-marker.js";
import { isSecretKeyName } from "./secret-key-name.js";

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== "object" || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/** A scalar: under a secret-named key it becomes the marker (`null`, `undefined` and booleans say nothing). */
const redactScalar = (value: unknown, secret: boolean, options: RedactOptions): unknown => {
  if (!secret) return typeof value === "string" ? redactSecretsMarked(value, options).text : value;
  return value === null || value === undefined || typeof value === "boolean" ? value : REDACTION_MARKER;
};

const walk = (value: unknown, seen: WeakSet<object>, secret: boolean, options: RedactOptions): unknown => {
  if (!Array.isArray(value) && !isPlainObject(value)) {
    return typeof value === "object" && value !== null ? value : redactScalar(value, secret, options);
  }
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  const copy = Array.isArray(value)
    ? value.map((item) => walk(item, seen, secret, options))
    : Object.fromEntries(
        Object.entries(value).map(([key, item]) => [
          key,
          walk(item, seen, secret || isSecretKeyName(key), options),
        ]),
      );
  seen.delete(value);
  return copy;
};

/**
 * A redacted deep copy of a JSON-like value: values under secret-named keys (`password`, `apiKey`,
 * `client_secret`, `Authorization`, ... see {@link isSecretKeyName}) become {@link REDACTION_MARKER}, whatever
 * their type (objects and arrays under such a key keep their shape, every scalar inside is masked; `null` and
 * booleans stay), and every other string goes through {@link redactSecrets}. Arrays and plain objects are
 * copied; other objects (dates, class instances) are returned as they are; a cycle becomes `"[Circular]"`.
 * The input is not changed. `options.keep` as for `redactSecretsMarked`: texts a person said are not secret.
 */
export const redactObject = <TValue>(value: TValue, options: RedactOptions = {}): TValue =>
  walk(value, new WeakSet(), false, options) as TValue;
