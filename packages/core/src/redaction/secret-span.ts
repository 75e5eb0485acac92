/**
 * Where a secret sits in a text: the characters `[from, to)` are masked. `kind` says what found it: the id of a
 * shape in {@link SECRET_SHAPES} (`github-pat`, `jwt`, ...), or `key-value` (the value of a secret-named key,
 * flag, label or XML element), `url-password` (the password in a URL's user info) or `private-key` (the body of
 * a PEM private key).
 */
export interface SecretSpan {
  readonly from: number;
  readonly to: number;
  readonly kind: string;
}

/** The kinds of span that are not a shape of the catalogue. */
export const KEY_VALUE = "key-value";
export const URL_PASSWORD = "url-password";
export const PRIVATE_KEY = "private-key";
