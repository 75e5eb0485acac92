import { createEmulator, type Emulator, type ScenarioSource } from "@flowdoctor/platform-emulator";
import { startTestGateway, type TestGateway } from "./test-gateway.js";

/** A gateway serving its own demo emulator as a "real" platform, so tests can inject faults and count calls. */
export interface EmulatorGateway {
  readonly emulator: Emulator;
  readonly gateway: TestGateway;
  /** Headers that log in as a demo user, by first name in lower case (alice, bob, gina, carl). */
  readonly as: (name: string) => Record<string, string>;
  /** Platform requests answered since the last `resetRequests`, as `METHOD path`. */
  readonly upstreamCalls: () => string[];
  readonly close: () => Promise<void>;
}

/** Basic credentials for an e-mail and API key. */
export const basic = (email: string, apiKey: string): string =>
  `Basic ${Buffer.from(`${email}:${apiKey}`).toString("base64")}`;

/** Starts an emulator (the demo unless told) and a gateway with PLATFORM_API_URL pointing at it. */
export const startEmulatorGateway = async (
  env: Record<string, string> = {},
  scenario: ScenarioSource = "demo",
): Promise<EmulatorGateway> => {
  const emulator = await createEmulator({ scenario });
  const gateway = await startTestGateway({ PLATFORM_API_URL: emulator.url, ...env });
  const as = (name: string) => {
    const user = emulator.users.find((candidate) => candidate.email.startsWith(`${name}@`));
    if (!user) throw new Error(`no demo user ${name}`);
    return { authorization: basic(user.email, user.apiKey) };
  };
  const upstreamCalls = () => emulator.requests.map((request) => `${request.method} ${request.path}`);
  const close = async () => {
    await gateway.close();
    await emulator.close();
  };
  return { emulator, gateway, as, upstreamCalls, close };
};
