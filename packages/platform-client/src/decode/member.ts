import type { ObjectId } from "@flowdoctor/core";
import { fail } from "./decode-issue.js";
import { readResource, relatedId } from "./json-api.js";
import { asArray, readOptionalString } from "./read.js";

/** A member of a contract or workspace with their roles (`owner`, `admin`, `integrator`, `guest`, or custom). */
export interface Member {
  readonly userId: ObjectId;
  readonly firstName: string;
  readonly lastName: string;
  readonly email: string;
  readonly roles: readonly string[];
}

/** Decodes a `member` (workspace) or `contract-member` resource object. */
export const decodeMember = (value: unknown, at: string, type: "member" | "contract-member"): Member => {
  const resource = readResource(value, type, at);
  const a = resource.attributes;
  const here = `${resource.at}.attributes`;
  const roles = asArray(a.roles ?? [], `${here}.roles`);
  for (const [index, role] of roles.entries())
    if (typeof role !== "string") fail(`${here}.roles[${index}]`, "a string", role);
  return {
    userId: relatedId(resource, "user") ?? resource.id,
    firstName: readOptionalString(a, "first_name", here) ?? "",
    lastName: readOptionalString(a, "last_name", here) ?? "",
    email: readOptionalString(a, "email", here) ?? "",
    roles: roles as readonly string[],
  };
};
