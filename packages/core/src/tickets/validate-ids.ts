// The ids the description "must include": contract, workspace and (when a flow is involved) flow, as in the app's
// URL `/c/{contract}/w/{workspace}/designer/{flow}/v/{version}`.
import type { TicketDraft } from "./ticket.js";
import { ticketInvolvesFlow } from "./ticket-conditions.js";
import { TICKET_OTHER_ID_FIELDS } from "./ticket-limits.js";
import {
  childPath,
  readBoolean,
  readRecord,
  readText,
  readToken,
  report,
  reportUnknownKeys,
  type UnknownRecord,
  type ValidationContext,
} from "./validation-context.js";

const OBJECT_ID = /^[0-9a-fA-F]{24}$/;
const SHA = /^[0-9a-fA-F]{40}$/;

/** Checks contract, workspace and flow ids, the flow version and `otherIds`. */
export const validateIds = (ctx: ValidationContext, ticket: UnknownRecord): void => {
  readObjectId(ctx, ticket.contractId, "contractId", {
    label: "Contract id",
    urlPart: "/c/",
    required: ctx.submission,
  });
  const workspace = { label: "Workspace id", urlPart: "/w/", required: ctx.submission };
  readObjectId(ctx, ticket.workspaceId, "workspaceId", workspace);
  readBoolean(ctx, ticket.involvesFlow, "involvesFlow", { label: "Involves flow", required: false });
  const flowRequired = ctx.submission && ticketInvolvesFlow(ticket as TicketDraft);
  readObjectId(ctx, ticket.flowId, "flowId", {
    label: "Flow id",
    urlPart: "/designer/",
    required: flowRequired,
  });
  readFlowVersion(ctx, ticket.flowVersion);
  readOtherIds(ctx, ticket.otherIds);
};

const readObjectId = (
  ctx: ValidationContext,
  value: unknown,
  path: string,
  rule: { label: string; urlPart?: string; required: boolean },
): void => {
  const where = rule.urlPart === undefined ? "" : ` after "${rule.urlPart}" in the app's address bar`;
  const hint = `copy it from the app's address bar, after "${rule.urlPart}".`;
  const fieldRule = { label: rule.label, required: rule.required, maxLength: 2_000 };
  const text = readText(ctx, value, path, rule.urlPart === undefined ? fieldRule : { ...fieldRule, hint });
  if (text === undefined || OBJECT_ID.test(text.trim())) return;
  const urlHint = where !== "" && text.includes("/") ? ` Copy only the id${where}.` : "";
  const message = `${rule.label} must be a 24-character hexadecimal id, e.g. 585918da586224001b96de89.${urlHint}`;
  report(ctx, path, "INVALID_OBJECT_ID", message);
};

const readFlowVersion = (ctx: ValidationContext, value: unknown): void => {
  const text = readToken(ctx, value, "flowVersion", "Flow version");
  if (text === undefined) return;
  const version = text.trim();
  if (version === "latest" || version === "draft" || SHA.test(version)) return;
  const message =
    'Flow version must be "latest", "draft" or a 40-character version hash (after "/v/" in the URL).';
  report(ctx, "flowVersion", "INVALID_FLOW_VERSION", message);
};

const OTHER_ID_LABELS: { readonly [K in (typeof TICKET_OTHER_ID_FIELDS)[number]]: string } = {
  executionId: "Execution id",
  threadId: "Thread id",
  stepId: "Step id",
  credentialId: "Credential id",
  componentId: "Component id",
  containerId: "Container id",
};

const readOtherIds = (ctx: ValidationContext, value: unknown): void => {
  const ids = readRecord(ctx, value, "otherIds", { label: "Other ids", required: false });
  if (ids === undefined) return;
  reportUnknownKeys(ctx, ids, TICKET_OTHER_ID_FIELDS, "otherIds");
  for (const field of TICKET_OTHER_ID_FIELDS) {
    const path = childPath("otherIds", field);
    const label = OTHER_ID_LABELS[field];
    if (field === "credentialId" || field === "componentId") {
      readObjectId(ctx, ids[field], path, { label, required: false });
    } else {
      readToken(ctx, ids[field], path, label);
    }
  }
};
