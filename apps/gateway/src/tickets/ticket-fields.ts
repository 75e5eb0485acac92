import { redactSecrets } from "@flowdoctor/core";
import type { TicketFields } from "./db/schema.js";

/** A change to a ticket's fields: a value sets the field, `null` clears it, an absent key keeps it. */
export type TicketFieldsPatch = { readonly [K in keyof TicketFields]?: TicketFields[K] | null | undefined };

const redactList = (items: readonly string[] | undefined) => items?.map(redactSecrets);

// Free text is redacted before it is stored, so no secret reaches the database, the preview or support.
const redactFields = (fields: TicketFields): TicketFields => {
  const { title, description, errorText, blockerImpact, stepsToReproduce, errorReport } = fields;
  return {
    ...fields,
    ...(title === undefined ? {} : { title: redactSecrets(title) }),
    ...(description === undefined ? {} : { description: redactSecrets(description) }),
    ...(errorText === undefined ? {} : { errorText: redactSecrets(errorText) }),
    ...(blockerImpact === undefined ? {} : { blockerImpact: redactSecrets(blockerImpact) }),
    ...(stepsToReproduce === undefined ? {} : { stepsToReproduce: redactList(stepsToReproduce) ?? [] }),
    ...(errorReport === undefined
      ? {}
      : { errorReport: { ...errorReport, text: redactSecrets(errorReport.text) } }),
  };
};

/** The fields after a patch, with free text redacted. Keys whose value is `undefined` are left out. */
export const applyFieldsPatch = (current: TicketFields, patch: TicketFieldsPatch): TicketFields => {
  const next: Record<string, unknown> = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return redactFields(next as TicketFields);
};
