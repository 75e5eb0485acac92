import { createEmulator, type Emulator, type FaultRule } from "@flowdoctor/platform-emulator";
import { createPlatformClient } from "../client.js";
import type { AttemptOutcome } from "../http/hooks.js";
import type { PlatformClientOptions } from "../options.js";
import type { PlatformClient } from "../platform-client.js";
import { ADMIN, testScenario } from "./test-scenario.js";

/** A login of the test scenario. */
export interface Login {
  readonly email: string;
  readonly apiKey: string;
}

/** A running emulator over the test scenario, and clients for it that record every attempt. */
export interface Harness {
  readonly emulator: Emulator;
  /** A client logged in as `login` (the admin by default); `attempts` collects what `onResponse` saw. */
  client(overrides?: Partial<PlatformClientOptions> & { readonly login?: Login }): {
    readonly platform: PlatformClient;
    readonly attempts: AttemptOutcome[];
  };
  setFaults(faults: readonly FaultRule[]): void;
  close(): Promise<void>;
}

/** Starts the emulator on 127.0.0.1, port 0. */
export const startHarness = async (
  options: { readonly verificationPolls?: number } = {},
): Promise<Harness> => {
  const emulator = await createEmulator({ scenario: testScenario(), port: 0, host: "127.0.0.1", ...options });
  const clients: PlatformClient[] = [];
  return {
    emulator,
    client: ({ login = ADMIN, ...overrides } = {}) => {
      const attempts: AttemptOutcome[] = [];
      const platform = createPlatformClient({
        baseUrl: emulator.url,
        email: login.email,
        apiKey: login.apiKey,
        retryDelayMs: 5,
        maxRetryDelayMs: 20,
        hooks: { onResponse: (outcome) => attempts.push(outcome) },
        ...overrides,
      });
      clients.push(platform);
      return { platform, attempts };
    },
    setFaults: (faults) => emulator.setFaults(faults),
    close: async () => {
      await Promise.all(clients.map((platform) => platform.close()));
      await emulator.close();
    },
  };
};

/** The rejection of a promise (fails the test when it resolves). */
export const rejectionOf = async (promise: Promise<unknown>): Promise<unknown> => {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
};

/** Everything an async iterable yields. */
export const collect = async <TItem>(items: AsyncIterable<TItem>): Promise<TItem[]> => {
  const all: TItem[] = [];
  for await (const item of items) all.push(item);
  return all;
};
