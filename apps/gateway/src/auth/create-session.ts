import type { User } from "@flowdoctor/core";
import { isPlatformError, type PlatformClient } from "@flowdoctor/platform-client";
import { GatewayGraphQLError } from "../errors.js";
import type { ComponentCache } from "../upstream/component-cache.js";
import { createLoaders, type Loaders } from "../upstream/create-loaders.js";
import type { Upstream } from "../upstream/create-upstream.js";
import { type AuthCache, credentialsKey } from "./auth-cache.js";
import { parseAuthorization } from "./parse-authorization.js";

/** The caller, checked against the platform, with a client and loaders that act as them. */
export interface PlatformSession {
  readonly user: User;
  readonly client: PlatformClient;
  readonly loaders: Loaders;
}

/** What {@link createSessionGetter} needs. */
export interface SessionSource {
  readonly authorization: string | undefined;
  readonly requestId: string;
  readonly upstream: Upstream;
  readonly authCache: AuthCache;
  readonly componentCache: ComponentCache;
}

const checkUser = async (client: PlatformClient): Promise<User> => {
  try {
    return await client.me();
  } catch (error) {
    if (
      isPlatformError(error) &&
      (error.code === "PLATFORM_UNAUTHENTICATED" || error.code === "PLATFORM_FORBIDDEN")
    ) {
      throw new GatewayGraphQLError(
        "UNAUTHENTICATED",
        "The platform rejected these credentials (e-mail or API key).",
      );
    }
    throw error;
  }
};

/**
 * A memoised getter for the request's session, and whether the platform accepted its credentials so far: fields that need the platform call it; fields that
 * do not (such as `gateway`) work without credentials. Throws `UNAUTHENTICATED` when there are none.
 */
export const createSessionGetter = (
  source: SessionSource,
): { session: () => Promise<PlatformSession>; isAuthenticated: () => boolean } => {
  let session: Promise<PlatformSession> | undefined;
  let authenticated = false;
  const open = async (): Promise<PlatformSession> => {
    const credentials = parseAuthorization(source.authorization);
    const client = source.upstream.clientFor(credentials, source.requestId);
    const user = await source.authCache.resolve(credentials, () => checkUser(client));
    authenticated = true;
    const shared = { componentCache: source.componentCache, callerKey: credentialsKey(credentials) };
    return { user, client, loaders: createLoaders(client, shared) };
  };
  return {
    session: () => {
      session ??= open();
      return session;
    },
    isAuthenticated: () => authenticated,
  };
};
