import { GatewayGraphQLError } from "../errors.js";

/** Platform credentials as a client sent them. */
export interface Credentials {
  readonly email: string;
  readonly apiKey: string;
}

const HOW =
  "Send `Authorization: Basic <base64 of e-mail:API key>` with your platform login e-mail and API key.";

/**
 * Reads `Authorization: Basic base64(email:apiKey)`. Throws `UNAUTHENTICATED` when it is missing or
 * malformed; the message says how to send it and never repeats what was sent.
 */
export const parseAuthorization = (header: string | undefined): Credentials => {
  if (header === undefined || header.trim() === "") {
    throw new GatewayGraphQLError("UNAUTHENTICATED", `No credentials. ${HOW}`);
  }
  const match = /^Basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(header.trim());
  if (!match?.[1]) {
    throw new GatewayGraphQLError("UNAUTHENTICATED", `The Authorization header is not HTTP Basic. ${HOW}`);
  }
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  const email = decoded.slice(0, colon).trim();
  const apiKey = decoded.slice(colon + 1);
  if (colon < 1 || email === "" || apiKey === "") {
    throw new GatewayGraphQLError(
      "UNAUTHENTICATED",
      `The Basic credentials lack an e-mail or an API key. ${HOW}`,
    );
  }
  return { email, apiKey };
};
