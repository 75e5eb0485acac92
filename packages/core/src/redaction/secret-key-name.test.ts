import { describe, expect, it } from "vitest";
import { isSecretKeyName } from "./secret-key-name.js";

describe("isSecretKeyName", () => {
  it.each([
    "password",
    "Password",
    "db_password",
    "passwd",
    "pwd",
    "pass",
    "apiKey",
    "api_key",
    "X-Api-Key",
    "client_secret",
    "clientSecret",
    "refresh_token",
    "access_token",
    "X-Amz-Security-Token",
    "secret",
    "token",
    "private_key",
    "privateKey",
    "secretAccessKey",
    "AccountKey",
    "Authorization",
    "Proxy-Authorization",
    "Cookie",
    "Set-Cookie",
    "sig",
    "X-Amz-Signature",
    "passphrase",
  ])("%s names a secret", (name) => {
    expect(isSecretKeyName(name)).toBe(true);
  });

  it.each([
    "user",
    "username",
    "email",
    "id",
    "key",
    "message",
    "status",
    "code",
    "flowId",
    "compass",
    "passthrough",
  ])("%s does not", (name) => {
    expect(isSecretKeyName(name)).toBe(false);
  });
});
