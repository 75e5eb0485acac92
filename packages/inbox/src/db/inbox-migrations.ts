import { fileURLToPath } from "node:url";
import { type MigrationFolder, TICKET_MIGRATIONS } from "@flowdoctor/tickets";

/** The inbox's SQL migrations, `packages/inbox/migrations` (the same depth from `src/` and `dist/`). */
export const INBOX_MIGRATIONS: MigrationFolder = {
  table: "inbox_migrations",
  dir: fileURLToPath(new URL("../../migrations/", import.meta.url)),
};

/** Every folder a gateway's store needs, in the order they apply. */
export const STORE_MIGRATIONS: readonly MigrationFolder[] = [TICKET_MIGRATIONS, INBOX_MIGRATIONS];
