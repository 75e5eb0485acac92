import type { User } from "@flowdoctor/core";
import { readResource } from "./json-api.js";
import { optional, readOptionalString, readString } from "./read.js";

/** Decodes a `user` resource object. */
export const decodeUser = (value: unknown, at: string): User => {
  const { id, attributes: a, at: where } = readResource(value, "user", at);
  const here = `${where}.attributes`;
  return {
    id,
    firstName: readOptionalString(a, "first_name", here) ?? "",
    lastName: readOptionalString(a, "last_name", here) ?? "",
    email: readString(a, "email", here),
    ...optional("company", readOptionalString(a, "company", here)),
    ...optional("registeredAt", readOptionalString(a, "registered", here)),
    ...optional("lastLoginAt", readOptionalString(a, "last_login", here)),
  };
};
