// Checks the gateway's configuration (environment and .env files) before `pnpm start` builds anything, so a bad
// setting fails in a second instead of after the build. Run from the repository root; checks as the gateway will
// run: from its own folder. Silent when all is well.
import { fileURLToPath } from "node:url";
import { readStartupConfig } from "../src/config/read-startup-config.js";

readStartupConfig(fileURLToPath(new URL("..", import.meta.url)));
