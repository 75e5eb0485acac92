import type { User } from "@flowdoctor/core";
import { decodeUser } from "../decode/user.js";
import { type CallOptions, segment } from "../http/api-request.js";
import { type Api, checkPage, requireId } from "./api.js";
import { getOne, getPage } from "./collection.js";
import { iteratePages, type Page, type PageQuery } from "./page.js";

/** Filters of `GET /v2/users` (needs `tenants.user.list_all`). */
export interface UsersQuery {
  readonly email?: string;
}

/** The user endpoints (§1.5). */
export const usersApi = (api: Api) => {
  const listUsers = async (query: UsersQuery & PageQuery = {}, options?: CallOptions): Promise<Page<User>> =>
    getPage(
      api,
      {
        path: "/v2/users",
        query: { email: query.email },
        page: checkPage("listUsers", query),
      },
      decodeUser,
      options,
    );
  return {
    /** The user the client authenticates as (`GET /v2/users/me`); doubles as a credentials check. */
    me: async (options?: CallOptions): Promise<User> => getOne(api, "/v2/users/me", decodeUser, options),
    /** One user, e.g. a flow's author (`GET /v2/users/{id}`). */
    getUser: async (userId: string, options?: CallOptions): Promise<User> =>
      getOne(api, `/v2/users/${segment(requireId("getUser", "userId", userId))}`, decodeUser, options),
    /** One page of the tenant's users. */
    listUsers,
    /** All of the tenant's users, page by page. */
    iterateUsers: (query: UsersQuery = {}, options?: CallOptions): AsyncGenerator<User, void, undefined> =>
      iteratePages((pageNumber) => listUsers({ ...query, pageNumber, pageSize: api.pageSize }, options)),
  };
};
