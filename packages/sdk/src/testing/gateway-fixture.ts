import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import { createLogger, type Gateway, loadConfig, startGateway } from "@flowdoctor/gateway";
import { createEmulator, type Emulator, type EmulatorUser } from "@flowdoctor/platform-emulator";

/** A real gateway on 127.0.0.1 serving the demo emulator as its platform, so tests can inject upstream faults. */
export interface GatewayFixture {
  readonly gateway: Gateway;
  readonly emulator: Emulator;
  /** A demo user by first name in lower case: alice, bob, gina, carl, tess. */
  readonly user: (name: string) => EmulatorUser;
  readonly close: () => Promise<void>;
}

const discard = () =>
  new Writable({
    write(_chunk, _encoding, done) {
      done();
    },
  });

/** Starts the demo emulator and a gateway with `PLATFORM_API_URL` pointing at it; `env` adds settings. */
export const startGatewayFixture = async (env: Record<string, string> = {}): Promise<GatewayFixture> => {
  const emulator = await createEmulator({ scenario: "demo" });
  // Tickets live in an in-memory store and "delivered" mail in a folder of this fixture's own.
  const mailFolder = mkdtempSync(join(tmpdir(), "sdk-mail-"));
  const config = loadConfig({
    PORT: "0",
    LOG_LEVEL: "silent",
    PLATFORM_API_URL: emulator.url,
    DATA_DIR: "memory://",
    MAIL_FOLDER: mailFolder,
    ...env,
  });
  const gateway = await startGateway({
    config,
    logger: createLogger({ level: "silent", destination: discard() }),
  });
  const user = (name: string): EmulatorUser => {
    const found = emulator.users.find((candidate) => candidate.email.startsWith(`${name}@`));
    if (!found) throw new Error(`the demo has no user ${name}`);
    return found;
  };
  const close = async () => {
    await gateway.close();
    await emulator.close();
    rmSync(mailFolder, { recursive: true, force: true });
  };
  return { gateway, emulator, user, close };
};
