import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { createLogger, type Gateway, loadConfig, startGateway } from "@flowdoctor/gateway";
import { createEmulator, type Emulator, type EmulatorUser } from "@flowdoctor/platform-emulator";
import type { WatchLogger } from "../logger.js";

/** A gateway on the demo emulator (as its platform, so tests can inject faults) and a logger that keeps lines. */
export interface WatchFixture {
  readonly gateway: Gateway;
  readonly emulator: Emulator;
  readonly alice: EmulatorUser;
  readonly close: () => Promise<void>;
}

/** Starts the demo emulator and a gateway in front of it. */
export const startWatchFixture = async (): Promise<WatchFixture> => {
  const emulator = await createEmulator({ scenario: "demo" });
  // Tickets live in an in-memory store; "delivered" mail would go to a folder of this fixture's own.
  const mailFolder = mkdtempSync(join(tmpdir(), "error-watch-mail-"));
  const config = loadConfig({
    PORT: "0",
    LOG_LEVEL: "silent",
    PLATFORM_API_URL: emulator.url,
    DATA_DIR: "memory://",
    MAIL_FOLDER: mailFolder,
  });
  const destination = new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });
  const gateway = await startGateway({ config, logger: createLogger({ level: "silent", destination }) });
  const alice = emulator.users.find((user) => user.email.startsWith("alice@"));
  if (!alice) throw new Error("the demo has no alice");
  return {
    gateway,
    emulator,
    alice,
    close: async () => {
      await gateway.close();
      await emulator.close();
      rmSync(mailFolder, { recursive: true, force: true });
    },
  };
};

/** A logger that keeps every line in memory, as the JSON logger would write it. */
export const createMemoryLogger = (): WatchLogger & { readonly lines: Record<string, unknown>[] } => {
  const lines: Record<string, unknown>[] = [];
  const log = (level: string) => (fields: Readonly<Record<string, unknown>>, message: string) => {
    lines.push(JSON.parse(JSON.stringify({ level, msg: message, ...fields })) as Record<string, unknown>);
  };
  return { lines, info: log("info"), warn: log("warn") };
};
