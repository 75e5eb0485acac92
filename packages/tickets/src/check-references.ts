import type { TicketFields } from "./db/schema.js";
import type { TicketAccess } from "./ticket-access.js";
import { TicketError, ticketProblemError } from "./ticket-errors.js";
import type { TicketFieldsPatch } from "./ticket-fields.js";

// Ids of another shape are left to core's validation, which names them INVALID_OBJECT_ID.
const OBJECT_ID = /^[0-9a-f]{24}$/i;
const isObjectId = (value: unknown): value is string => typeof value === "string" && OBJECT_ID.test(value);

/** `NOT_FOUND` (or the platform's `FORBIDDEN`) for an id of a field the caller may not name. */
const notVisible = (field: string, what: string, id: string, code: "NOT_FOUND" | "FORBIDDEN" = "NOT_FOUND") =>
  new TicketError(
    code,
    code === "FORBIDDEN"
      ? `${field}: you may not read ${what.toLowerCase()} ${id} on the platform.`
      : `${field}: ${what} ${id} was not found or is not visible to you.`,
    { field },
  );

/**
 * What a lookup's rejection means for the field: the platform client's not-found and forbidden (matched on `code`,
 * as two copies of the client may be loaded); undefined for anything else, which is re-thrown as it is.
 */
const refusalOf = (error: unknown): "NOT_FOUND" | "FORBIDDEN" | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "PLATFORM_NOT_FOUND") return "NOT_FOUND";
  return code === "PLATFORM_FORBIDDEN" ? "FORBIDDEN" : undefined;
};

/** Looks a resource up as the caller; the platform's refusal becomes an error naming the field. */
const lookUp = async <TValue>(
  field: string,
  what: string,
  id: string,
  load: (id: string) => Promise<TValue>,
) => {
  try {
    return await load(id);
  } catch (error) {
    const code = refusalOf(error);
    if (code !== undefined) throw notVisible(field, what, id, code);
    throw error;
  }
};

/** Throws `NOT_FOUND` naming the field unless the caller is a member of the contract. */
export const requireContractMember = async (access: TicketAccess, contractId: unknown): Promise<void> => {
  if (typeof contractId !== "string") return;
  if (!(await access.contractIds()).has(contractId)) throw notVisible("contractId", "Contract", contractId);
};

const checkOtherIds = async (
  access: TicketAccess,
  otherIds: TicketFieldsPatch["otherIds"],
): Promise<void> => {
  const { credentialId, componentId } = otherIds ?? {};
  if (isObjectId(credentialId))
    await lookUp("otherIds.credentialId", "Credential", credentialId, access.lookup.credential);
  if (isObjectId(componentId))
    await lookUp("otherIds.componentId", "Component", componentId, access.lookup.component);
};

/** The workspace the ticket is about: the one it names, else its flow's. */
const checkScope = async (access: TicketAccess, next: TicketFields): Promise<string | undefined> => {
  const flow = isObjectId(next.flowId)
    ? await lookUp("flowId", "Flow", next.flowId, access.lookup.flow)
    : undefined;
  const workspaceId = next.workspaceId ?? flow?.workspaceId;
  if (!isObjectId(workspaceId)) return workspaceId;
  const workspace = (await access.workspaces()).get(workspaceId);
  if (workspace === undefined) throw notVisible("workspaceId", "Workspace", workspaceId);
  if (flow !== undefined && flow.workspaceId !== workspaceId)
    throw ticketProblemError(
      "flowId",
      "INVALID_VALUE",
      `Flow ${next.flowId} is in workspace ${flow.workspaceId}, not in the ticket's workspace ${workspaceId}.`,
    );
  if (next.contractId !== undefined && workspace.contractId !== next.contractId)
    throw ticketProblemError(
      "workspaceId",
      "INVALID_VALUE",
      `Workspace ${workspaceId} belongs to contract ${workspace.contractId}, not to the ticket's contract ${next.contractId}.`,
    );
  return workspaceId;
};

/**
 * Checks the platform ids a change writes against what the caller may see on the platform, before anything is
 * stored: the contract (membership), the workspace (membership), the flow, credential and component (looked up as
 * the caller), and that flow, workspace and contract belong together. A refusal is `NOT_FOUND` or `FORBIDDEN` with
 * `extensions.field`; a mismatch is `BAD_USER_INPUT`. Answers the fields to add: a flow's workspace when the ticket
 * names none, so every ticket about a flow is scoped to its workspace.
 */
export const checkReferences = async (
  access: TicketAccess,
  next: TicketFields,
  patch: TicketFieldsPatch,
): Promise<Pick<TicketFields, "workspaceId">> => {
  await requireContractMember(access, patch.contractId);
  await checkOtherIds(access, patch.otherIds);
  if (!("contractId" in patch || "workspaceId" in patch || "flowId" in patch)) return {};
  const workspaceId = await checkScope(access, next);
  return next.workspaceId === undefined && workspaceId !== undefined ? { workspaceId } : {};
};
