import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ALICE, completeFields } from "@flowdoctor/tickets/testing";
import { afterAll, describe, expect, it } from "vitest";
import { createLogger } from "../observability/logger.js";
import { startTickets } from "./start-tickets.js";
import { readTicketConfig } from "./ticket-config.js";

const folders: string[] = [];
const newDataDir = async (): Promise<string> => {
  const folder = await mkdtemp(join(tmpdir(), "fd-data-"));
  folders.push(folder);
  return folder;
};

const failureOf = (starting: Promise<unknown>): Promise<Error & { code: string }> =>
  starting.then(
    () => {
      throw new Error("expected the start to fail");
    },
    (error: unknown) => error as Error & { code: string },
  );

const start = (dataDir: string) =>
  startTickets({
    config: readTicketConfig({ DATA_DIR: dataDir, TICKET_WORKER: "off" }, []),
    logger: createLogger({ level: "silent" }),
  });

describe("the embedded ticket store of one DATA_DIR", () => {
  afterAll(async () => {
    for (const folder of folders) await rm(folder, { recursive: true, force: true });
  });

  it("refuses a second opener with GATEWAY_STORE_LOCKED naming DATA_DIR; the first keeps its tickets", async () => {
    const dataDir = await newDataDir();
    const first = await start(dataDir);
    const draft = await first.service.create(ALICE, { fields: completeFields(new Date()) });
    const refused = await failureOf(start(dataDir));
    expect(refused).toMatchObject({
      code: "GATEWAY_STORE_LOCKED",
      message: expect.stringContaining(
        `DATA_DIR ${dataDir} is in use by another gateway (pid ${process.pid} on `,
      ),
    });
    expect(refused.message).not.toContain("\n");
    expect((await first.service.get(ALICE, draft.id)).id).toBe(draft.id);
    await first.close();
    expect(existsSync(join(dataDir, "pglite.lock"))).toBe(false);
    const again = await start(dataDir);
    expect((await again.service.get(ALICE, draft.id)).id).toBe(draft.id);
    await again.close();
  }, 60_000);

  it("says in one line that a damaged store could not be opened, and leaves no lock behind", async () => {
    const dataDir = await newDataDir();
    await mkdir(join(dataDir, "pglite"));
    await writeFile(join(dataDir, "pglite", "PG_VERSION"), "not a version\n");
    const failed = await failureOf(start(dataDir));
    expect(failed).toMatchObject({
      code: "GATEWAY_START_FAILED",
      message: expect.stringMatching(
        new RegExp(
          `^the embedded ticket store in DATA_DIR ${dataDir} could not be opened: PGlite could not open`,
        ),
      ),
    });
    expect(failed.message).not.toContain("\n");
    expect(existsSync(join(dataDir, "pglite.lock"))).toBe(false);
  });
});
