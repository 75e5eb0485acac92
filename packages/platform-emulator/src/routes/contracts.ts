import { collectionDocument, includes, singleDocument } from "../http/json-api.js";
import { paginate } from "../http/paging.js";
import type { Route } from "../http/router.js";
import type { ScenarioContract } from "../scenario/scenario.js";
import type { ScenarioMemberFile } from "../scenario/scenario-file.js";
import { hasContractRole, requireContract, visibleContracts } from "../server/access.js";
import type { EmulatorState } from "../server/emulator-state.js";

const AVAILABLE_ROLES = [
  { role: "owner", scope: "contracts" },
  { role: "admin", scope: "contracts" },
  { role: "member", scope: "contracts" },
  { role: "owner", scope: "workspaces" },
  { role: "admin", scope: "workspaces" },
  { role: "integrator", scope: "workspaces" },
  { role: "guest", scope: "workspaces" },
];

/** A member of a contract or workspace (`contract-member` / `member`), with the user's names. */
export const serializeMember = (
  state: EmulatorState,
  member: ScenarioMemberFile,
  type: "contract-member" | "member",
): Record<string, unknown> => {
  const user = state.usersById.get(member.userId);
  return {
    id: member.userId,
    type,
    links: { self: `/v2/members/${member.userId}` },
    attributes: {
      first_name: user?.firstName ?? "",
      last_name: user?.lastName ?? "",
      email: user?.email ?? "",
      roles: member.roles,
    },
    relationships: {
      user: { data: { id: member.userId, type: "user" }, links: { self: `/v2/users/${member.userId}` } },
    },
  };
};

/** The `contract` resource; `custom_data` only for owners (stands in for `contracts.contract.get_custom_data`). */
export const serializeContract = (
  contract: ScenarioContract,
  withCustomData: boolean,
): Record<string, unknown> => ({
  id: contract.id,
  type: "contract",
  links: { self: `/v2/contracts/${contract.id}` },
  attributes: {
    name: contract.name,
    status: contract.status,
    available_roles: AVAILABLE_ROLES,
    ...(contract.supportUserId === undefined ? {} : { support_user_id: contract.supportUserId }),
    ...(withCustomData ? { custom_data: {} } : {}),
    feature_flags: contract.featureFlags,
    created_at: contract.createdAt,
    updated_at: contract.updatedAt,
  },
  relationships: {
    members: {
      data: contract.members.map((member) => ({ id: member.userId, type: "contract-member" })),
      links: { self: `/v2/contracts/${contract.id}/members` },
    },
  },
});

/** Contracts and their members. */
export const contractRoutes: readonly Route[] = [
  {
    method: "GET",
    pattern: "/contracts",
    handler: ({ state, user, query }) => {
      const page = paginate(visibleContracts(state, user), query, 20);
      const data = page.items.map((c) => serializeContract(c, hasContractRole(c, user, ["owner"])));
      return { status: 200, body: collectionDocument(data, "/v2/contracts", { meta: page.meta }) };
    },
  },
  {
    method: "GET",
    pattern: "/contracts/:contractId",
    handler: ({ state, user, params, query }) => {
      const contract = requireContract(state, user, params.contractId ?? "");
      const data = serializeContract(contract, hasContractRole(contract, user, ["owner"]));
      const included = includes(query.get("include"), "members")
        ? contract.members.map((member) => serializeMember(state, member, "contract-member"))
        : undefined;
      return { status: 200, body: singleDocument(data, `/v2/contracts/${contract.id}`, included) };
    },
  },
  {
    method: "GET",
    pattern: "/contracts/:contractId/members",
    handler: ({ state, user, params }) => {
      const contract = requireContract(state, user, params.contractId ?? "");
      const data = contract.members.map((member) => serializeMember(state, member, "contract-member"));
      return { status: 200, body: collectionDocument(data, `/v2/contracts/${contract.id}/members`) };
    },
  },
];
