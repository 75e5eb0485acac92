import { forbidden, notFound } from "../http/api-error.js";
import type {
  ScenarioContract,
  ScenarioFlow,
  ScenarioUser,
  ScenarioWorkspace,
} from "../scenario/scenario.js";
import type { ScenarioMemberFile } from "../scenario/scenario-file.js";
import type { EmulatorState } from "./emulator-state.js";

/** Workspace permissions the emulator checks (`docs/elasticio-platform.md` §1.4). */
export type WorkspacePermission =
  | "workspaces.flow.toggleStatus"
  | "workspaces.flow.edit"
  | "workspaces.credential.edit"
  | "workspaces.logs.read_all";

const EDITOR: readonly WorkspacePermission[] = [
  "workspaces.flow.toggleStatus",
  "workspaces.flow.edit",
  "workspaces.credential.edit",
  "workspaces.logs.read_all",
];

/**
 * Default roles as in the platform's example (owner/admin/integrator may edit and toggle, guest nothing).
 * The platform's example gives no role `workspaces.logs.read_all`; the emulator grants it to the editing roles so
 * logs are readable without custom roles, and scenario members can add permissions explicitly.
 */
const ROLE_PERMISSIONS: Readonly<Record<string, readonly WorkspacePermission[]>> = {
  owner: EDITOR,
  admin: EDITOR,
  integrator: EDITOR,
  guest: [],
};

const memberOf = (
  members: readonly ScenarioMemberFile[],
  user: ScenarioUser,
): ScenarioMemberFile | undefined => members.find((member) => member.userId === user.id);

/** Contracts the user is a member of. */
export const visibleContracts = (state: EmulatorState, user: ScenarioUser): ScenarioContract[] =>
  [...state.contracts.values()].filter((contract) => memberOf(contract.members, user) !== undefined);

/** Workspaces the user is a member of. */
export const visibleWorkspaces = (state: EmulatorState, user: ScenarioUser): ScenarioWorkspace[] =>
  [...state.workspaces.values()].filter((workspace) => memberOf(workspace.members, user) !== undefined);

/** A contract the user belongs to (any, for a tenant admin); 404 otherwise (other tenants' resources do not exist for them). */
export const requireContract = (state: EmulatorState, user: ScenarioUser, id: string): ScenarioContract => {
  const contract = state.contracts.get(id);
  if (!contract || !(user.tenantAdmin || memberOf(contract.members, user))) throw notFound("Contract", id);
  return contract;
};

/** A workspace the user belongs to; 404 otherwise. */
export const requireWorkspace = (state: EmulatorState, user: ScenarioUser, id: string): ScenarioWorkspace => {
  const workspace = state.workspaces.get(id);
  if (!workspace || !memberOf(workspace.members, user)) throw notFound("Workspace", id);
  return workspace;
};

/** A flow in one of the user's workspaces; 404 otherwise. */
export const requireFlow = (state: EmulatorState, user: ScenarioUser, id: string): ScenarioFlow => {
  const flow = state.flows.get(id);
  const workspace = flow ? state.workspaces.get(flow.workspaceId) : undefined;
  if (!flow || !workspace || !memberOf(workspace.members, user)) throw notFound("Flow", id);
  return flow;
};

/** Whether the user holds a permission in a workspace through a role or an explicit grant. */
export const hasPermission = (
  workspace: ScenarioWorkspace,
  user: ScenarioUser,
  permission: WorkspacePermission,
): boolean => {
  const member = memberOf(workspace.members, user);
  if (!member) return false;
  if (member.permissions?.includes(permission)) return true;
  return member.roles.some((role) => ROLE_PERMISSIONS[role]?.includes(permission) ?? false);
};

/** 403 unless the user holds the permission in the workspace. */
export const requirePermission = (
  workspace: ScenarioWorkspace,
  user: ScenarioUser,
  permission: WorkspacePermission,
): void => {
  if (!hasPermission(workspace, user, permission)) throw forbidden();
};

/** Whether the user holds one of the roles in a contract. */
export const hasContractRole = (
  contract: ScenarioContract,
  user: ScenarioUser,
  roles: readonly string[],
): boolean => memberOf(contract.members, user)?.roles.some((role) => roles.includes(role)) ?? false;
