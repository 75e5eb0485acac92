import type { Route } from "../http/router.js";
import { componentRoutes } from "./components.js";
import { contractRoutes } from "./contracts.js";
import { credentialRoutes } from "./credentials.js";
import { dataSampleRoutes } from "./data-samples.js";
import { executionRoutes } from "./executions.js";
import { flowRoutes } from "./flows.js";
import { logRoutes } from "./logs.js";
import { statsRoutes } from "./stats.js";
import { userRoutes } from "./users.js";
import { workspaceRoutes } from "./workspaces.js";

/** Every route the emulator serves, under `/v2`. */
export const ALL_ROUTES: readonly Route[] = [
  ...userRoutes,
  ...contractRoutes,
  ...workspaceRoutes,
  ...flowRoutes,
  ...componentRoutes,
  ...credentialRoutes,
  ...executionRoutes,
  ...dataSampleRoutes,
  ...logRoutes,
  ...statsRoutes,
];
