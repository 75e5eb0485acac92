import { ApiError, notFound } from "../http/api-error.js";
import { collectionDocument, singleDocument } from "../http/json-api.js";
import { paginate } from "../http/paging.js";
import type { Route } from "../http/router.js";
import type { ScenarioUser } from "../scenario/scenario.js";
import { visibleContracts } from "../server/access.js";
import type { EmulatorState } from "../server/emulator-state.js";

/** The `user` resource; never the API key. */
export const serializeUser = (user: ScenarioUser): Record<string, unknown> => ({
  id: user.id,
  type: "user",
  links: { self: `/v2/users/${user.id}` },
  attributes: {
    first_name: user.firstName,
    last_name: user.lastName,
    email: user.email,
    ...(user.company === undefined ? {} : { company: user.company }),
    registered: user.registered,
    last_login: user.lastLogin,
  },
});

/** Whether `viewer` may see `other`: themselves, someone in a shared contract, or anyone for a tenant admin. */
const canSee = (state: EmulatorState, viewer: ScenarioUser, other: ScenarioUser): boolean =>
  viewer.id === other.id ||
  viewer.tenantAdmin ||
  visibleContracts(state, viewer).some((contract) => contract.members.some((m) => m.userId === other.id));

/** The current user, users by id, and the tenant's user list. */
export const userRoutes: readonly Route[] = [
  {
    method: "GET",
    pattern: "/users/me",
    handler: ({ user }) => ({ status: 200, body: singleDocument(serializeUser(user), "/v2/users/me") }),
  },
  {
    method: "GET",
    pattern: "/users/:userId",
    handler: ({ state, user, params }) => {
      const id = params.userId ?? "";
      const other = state.usersById.get(id);
      if (!other || !canSee(state, user, other)) throw notFound("User", id);
      return { status: 200, body: singleDocument(serializeUser(other), `/v2/users/${id}`) };
    },
  },
  {
    method: "GET",
    pattern: "/users",
    handler: ({ state, user, query }) => {
      if (!user.tenantAdmin) throw new ApiError(403, "You need a permission to access this resource.");
      const email = query.get("email")?.toLowerCase();
      const users = state.scenario.users.filter(
        (u) => email === undefined || u.email.toLowerCase() === email,
      );
      const page = paginate(users, query, 50);
      return {
        status: 200,
        body: collectionDocument(page.items.map(serializeUser), "/v2/users", { meta: page.meta }),
      };
    },
  },
];
