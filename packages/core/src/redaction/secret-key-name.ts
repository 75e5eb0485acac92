// Compared after lower-casing, dropping accents and everything but letters and digits, so `client_secret`,
// `clientSecret`, `Client-Secret`, `X-Api-Key`, `Mot de passe` and `Contraseña` all match.
const SECRET_NAME_PARTS = [
  "password",
  "passwd",
  "passphrase",
  "passcode",
  "secret",
  "token",
  "apikey",
  "privatekey",
  "accesskey",
  "accountkey",
  "masterkey",
  "signingkey",
  "encryptionkey",
  "applicationkey",
  "subscriptionkey",
  "sharedkey",
  "clientkey",
  "sessionkey",
  "authkey",
  "authorization",
  "signature",
  "cookie",
  "sessionid",
  // "password" in the languages of the logs we read: German, French, Spanish, Portuguese, Italian, Dutch,
  // Scandinavian, Finnish, Polish, Czech, Hungarian, Turkish, Ukrainian and Russian.
  "passwort",
  "kennwort",
  "motdepasse",
  "contrasena",
  "senha",
  "wachtwoord",
  "passord",
  "losenord",
  "salasana",
  "haslo",
  "hasło",
  "heslo",
  "jelszo",
  "parola",
  "sifre",
  "пароль",
] as const;
const SECRET_NAMES = new Set([
  "pass",
  "pwd",
  "sig",
  "auth",
  "pin",
  "bearer",
  "credential",
  "credentials",
  "creds",
  "cvv",
  "cvc",
]);
const SECRET_NAME_PART = new RegExp(SECRET_NAME_PARTS.join("|"));
// Names about a secret rather than holding one: OAuth error codes (`invalid_token`, `expired_token`), and
// settings such as `token_type` ("Bearer"), `tokenExpiresAt`, `password_policy` or `secret_name`.
const ABOUT_A_SECRET =
  /^(?:invalid|expired|missing|revoked|wrong|unknown|unsupported)|(?:type|expiry|expires|expiresat|expiresin|expiration|expired|ttl|url|uri|endpoint|length|policy|hint|count|required|invalid|missing|revoked|enabled|disabled|name|names)$/;
// Keys whose value is a whole header line ("Bearer abc", "Digest username=..."), not one token.
const LINE_VALUE_NAME_PARTS = ["authorization", "cookie"] as const;

const ASCII = /^[\x20-\x7e]*$/;

/** The name lower-cased, without accents, separators or punctuation: `Mot-de-Passe` → `motdepasse`. */
export const compactKeyName = (name: string): string =>
  ASCII.test(name)
    ? name.toLowerCase().replace(/[^a-z0-9]/g, "")
    : name
        .normalize("NFKD")
        .replace(/\p{M}/gu, "")
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]/gu, "");

/**
 * Whether a key, field, header, flag or parameter name holds a secret (`password`, `apiKey`, `client_secret`,
 * `refresh_token`, `Authorization`, `x-amz-signature`, `sig`, `Passwort`, `mot de passe`, ...). Case, accents
 * and separators do not matter.
 */
export const isSecretKeyName = (name: string): boolean => {
  const key = compactKeyName(name);
  if (SECRET_NAMES.has(key)) return true;
  return SECRET_NAME_PART.test(key) && !ABOUT_A_SECRET.test(key);
};

/** Whether a secret-named key carries a whole header value (scheme plus parameters) rather than one token. */
export const isLineValueKeyName = (name: string): boolean => {
  const key = compactKeyName(name);
  return LINE_VALUE_NAME_PARTS.some((part) => key.includes(part));
};
