// Compared after lower-casing and dropping everything but letters and digits, so `client_secret`,
// `clientSecret`, `Client-Secret` and `X-Api-Key` all match.
const SECRET_NAME_PARTS = [
  "password",
  "passwd",
  "passphrase",
  "secret",
  "token",
  "apikey",
  "privatekey",
  "accesskey",
  "accountkey",
  "masterkey",
  "signingkey",
  "encryptionkey",
  "authorization",
  "signature",
  "cookie",
  "sessionid",
] as const;
const SECRET_NAMES = new Set(["pass", "pwd", "sig", "auth", "pin"]);
// Keys whose value is a whole header line ("Bearer abc", "Digest username=..."), not one token.
const LINE_VALUE_NAME_PARTS = ["authorization", "cookie"] as const;

const compact = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * Whether a key, field, header or parameter name holds a secret (`password`, `apiKey`, `client_secret`,
 * `refresh_token`, `Authorization`, `x-amz-signature`, `sig`, ...). Case and separators do not matter.
 */
export const isSecretKeyName = (name: string): boolean => {
  const key = compact(name);
  if (SECRET_NAMES.has(key)) return true;
  return SECRET_NAME_PARTS.some((part) => key.includes(part));
};

/** Whether a secret-named key carries a whole header value (scheme plus parameters) rather than one token. */
export const isLineValueKeyName = (name: string): boolean => {
  const key = compact(name);
  return LINE_VALUE_NAME_PARTS.some((part) => key.includes(part));
};
