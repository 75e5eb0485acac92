import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";

/** Platform credentials the watcher reads a workspace as. */
export interface WatchCredentials {
  readonly email: string;
  readonly apiKey: string;
}

const VERSION = "v1";
const KEY_BYTES = 32;

/**
 * The AES-256 key of `INBOX_SECRET_KEY` (32 bytes in base64); throws naming the variable, never echoing the value.
 */
export const readSecretKey = (value: string | undefined, variable = "INBOX_SECRET_KEY"): Buffer => {
  const key = Buffer.from(value?.trim() ?? "", "base64");
  if (key.length !== KEY_BYTES)
    throw new Error(`${variable} must be ${KEY_BYTES} random bytes in base64 (e.g. openssl rand -base64 32)`);
  return key;
};

/** Seals credentials with AES-256-GCM: `v1.<iv>.<tag>.<ciphertext>`, each base64url; `aad` binds them to a workspace. */
export const sealCredentials = (key: Buffer, credentials: WatchCredentials, aad: string): string => {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(aad));
  const text = Buffer.concat([cipher.update(JSON.stringify(credentials), "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), text]
    .map((part) => (typeof part === "string" ? part : part.toString("base64url")))
    .join(".");
};

/** Opens sealed credentials; throws (without the secret) when the key, the workspace or the text does not match. */
export const openCredentials = (key: Buffer, sealed: string, aad: string): WatchCredentials => {
  const [version, iv, tag, text] = sealed.split(".");
  if (version !== VERSION || iv === undefined || tag === undefined || text === undefined)
    throw new Error("sealed credentials have an unknown format");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    const clear = Buffer.concat([decipher.update(Buffer.from(text, "base64url")), decipher.final()]).toString(
      "utf8",
    );
    return JSON.parse(clear) as WatchCredentials;
  } catch {
    throw new Error(`the credentials of ${aad} cannot be opened with this INBOX_SECRET_KEY`);
  }
};
