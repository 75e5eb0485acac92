import type { CredentialVerification } from "@flowdoctor/core";
import { fail } from "./decode-issue.js";
import { readResource, singleData } from "./json-api.js";
import { isObject, type JsonObject, readOptionalString } from "./read.js";

const TYPE = "execution-result";

/** The id of a scheduled execution from the 202 body of a create call (`data.id`, type `execution-result`). */
export const decodeExecutionId = (body: unknown): string => readResource(singleData(body), TYPE, "data").id;

const reasonOf = (data: JsonObject, key: string): CredentialVerification => {
  const reason = readOptionalString(data, key, "data.attributes.result.data");
  return reason === undefined ? { verified: false } : { verified: false, reason };
};

/**
 * Reads a verify-credential result (`data.attributes.result`). The component posts `{status, data}`; for
 * verification `data` is `{verified, reason?}`. A thrown error (`status: "error"`, `data.message`) counts as
 * not verified with that message as reason, and a result without `verified` as verified, as the runtime does.
 */
export const decodeVerification = (body: unknown): CredentialVerification => {
  const resource = readResource(singleData(body), TYPE, "data");
  const result = resource.attributes.result;
  const at = "data.attributes.result";
  if (!isObject(result)) return fail(at, "an object", result);
  const data = isObject(result.data) ? result.data : "verified" in result ? result : undefined;
  if (data === undefined) return fail(`${at}.data`, "an object", result.data);
  if (result.status === "error")
    return data.message === undefined ? reasonOf(data, "reason") : reasonOf(data, "message");
  if (data.verified === false) return reasonOf(data, "reason");
  if (data.verified !== undefined && data.verified !== true)
    fail(`${at}.data.verified`, "a boolean", data.verified);
  return { verified: true };
};
