import { redactObject } from "@flowdoctor/core";
import type { TicketFields } from "./db/schema.js";

/** A change to a ticket's fields: a value sets the field, `null` clears it, an absent key keeps it. */
export type TicketFieldsPatch = { readonly [K in keyof TicketFields]?: TicketFields[K] | null | undefined };

/**
 * The fields after a patch, every one redacted (`redactObject`: free text, lists, ids, nested parts), so no secret
 * reaches the database, the preview or support. Keys whose value is `undefined` are left out.
 */
export const applyFieldsPatch = (current: TicketFields, patch: TicketFieldsPatch): TicketFields => {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return redactObject(next as TicketFields);
};
