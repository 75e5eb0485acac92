import { randomUUID } from "node:crypto";

const SAFE_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller's `x-request-id` when it is short and plain (it goes into logs), otherwise a new UUID. */
export const readRequestId = (header: string | string[] | undefined): string => {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && SAFE_ID.test(value) ? value : randomUUID();
};
