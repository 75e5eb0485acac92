import type { Contract, ContractStatus } from "@flowdoctor/core";
import { readResource } from "./json-api.js";
import { optional, readEnum, readOptionalString, readString } from "./read.js";

const STATUSES: readonly ContractStatus[] = ["active", "suspended", "suspending"];

/** Decodes a `contract` resource object. */
export const decodeContract = (value: unknown, at: string): Contract => {
  const { id, attributes: a, at: where } = readResource(value, "contract", at);
  const here = `${where}.attributes`;
  return {
    id,
    name: readString(a, "name", here),
    status: readEnum(a, "status", STATUSES, here),
    ...optional("supportUserId", readOptionalString(a, "support_user_id", here)),
    ...optional("createdAt", readOptionalString(a, "created_at", here)),
    ...optional("updatedAt", readOptionalString(a, "updated_at", here)),
  };
};
