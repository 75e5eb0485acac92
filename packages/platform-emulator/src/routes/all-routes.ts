import type { Route } from "../http/router.js";
import { contractRoutes } from "./contracts.js";
import { flowRoutes } from "./flows.js";
import { logRoutes } from "./logs.js";
import { userRoutes } from "./users.js";
import { workspaceRoutes } from "./workspaces.js";

/** Every route the emulator serves, under `/v2`. */
export const ALL_ROUTES: readonly Route[] = [
  ...userRoutes,
  ...contractRoutes,
  ...workspaceRoutes,
  ...flowRoutes,
  ...logRoutes,
];
