import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { EmulatorError } from "../errors.js";
import { createRouter } from "../http/router.js";
import { ALL_ROUTES } from "../routes/all-routes.js";
import { loadScenario, type ScenarioSource } from "../scenario/load-scenario.js";
import type { Scenario, ScenarioLogEntry } from "../scenario/scenario.js";
import { appendLogs, createEmulatorState } from "./emulator-state.js";
import { createFaultSet, type FaultRule } from "./faults.js";
import { handleRequest } from "./handle-request.js";
import { createRequestLog, type RecordedRequest } from "./request-log.js";

/** Options of {@link createEmulator}. */
export interface EmulatorOptions {
  /** `"demo"`, a path to a scenario file, or scenario data. @default "demo" */
  readonly scenario?: ScenarioSource;
  /** Port to listen on; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** @default "127.0.0.1" */
  readonly host?: string;
  /** The "now" scenario times are relative to; the emulator's clock runs on from it. @default the current time */
  readonly now?: Date | string | number;
  /** Faults injected from the start; change them later with `setFaults`. @default [] */
  readonly faults?: readonly FaultRule[];
  /** Polls a verify-credential execution answers "pending" (200) before its result is ready (303). @default 1 */
  readonly verificationPolls?: number;
}

/** A seeded user's login: HTTP Basic with `email` and `apiKey`. */
export interface EmulatorUser {
  readonly id: string;
  readonly email: string;
  readonly apiKey: string;
  readonly name: string;
  /** Who the user is and what they may see (from the scenario), for demo login pickers. */
  readonly description?: string;
}

/** A running emulator. */
export interface Emulator {
  /** Base URL without a trailing slash, e.g. `http://127.0.0.1:4010`; API paths start with `/v2`. */
  readonly url: string;
  readonly port: number;
  /** The loaded scenario, including each flow's `expected` causes (which the API never serves). */
  readonly scenario: Scenario;
  readonly users: readonly EmulatorUser[];
  /** Requests answered so far (newest last, at most 10,000). */
  readonly requests: readonly RecordedRequest[];
  resetRequests(): void;
  /** Replaces the fault rules; `[]` switches faults off. */
  setFaults(faults: readonly FaultRule[]): void;
  /**
   * Serves more log entries from now on, as if the platform had just received them (tests of watchers and paging
   * while errors arrive); `scenario.logs` keeps only the seeded ones.
   */
  appendLogs(entries: readonly ScenarioLogEntry[]): void;
  close(): Promise<void>;
}

const nowOf = (now: EmulatorOptions["now"]): Date => {
  if (now === undefined) return new Date();
  const date = new Date(now);
  if (Number.isNaN(date.getTime())) {
    throw new EmulatorError(
      "EMULATOR_INVALID_OPTIONS",
      `now must be a Date, an ISO-8601 string or epoch ms (got ${String(now)})`,
    );
  }
  return date;
};

const checkOptions = (options: EmulatorOptions): void => {
  const { port, verificationPolls } = options;
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65_535)) {
    throw new EmulatorError(
      "EMULATOR_INVALID_OPTIONS",
      `port must be an integer from 0 to 65535 (got ${String(port)})`,
    );
  }
  if (verificationPolls !== undefined && (!Number.isInteger(verificationPolls) || verificationPolls < 0)) {
    throw new EmulatorError("EMULATOR_INVALID_OPTIONS", "verificationPolls must be a non-negative integer");
  }
};

/** Listens and answers the port actually bound (port 0 picks a free one). */
const listen = async (server: Server, at: { port: number; host: string }): Promise<number> => {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(at.port, at.host, () => resolve());
  });
  return (server.address() as AddressInfo).port;
};

/** Stops listening and ends keep-alive connections, so `close()` does not wait for idle clients. */
const closeServer = (server: Server): Promise<void> =>
  new Promise<void>((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeAllConnections();
  });

/**
 * Starts an emulator of the elastic.io REST API v2 over a scenario.
 * @throws EmulatorError `EMULATOR_INVALID_OPTIONS`, `EMULATOR_INVALID_SCENARIO`, `EMULATOR_SCENARIO_NOT_FOUND`
 */
export const createEmulator = async (options: EmulatorOptions = {}): Promise<Emulator> => {
  checkOptions(options);
  const start = nowOf(options.now);
  const scenario = await loadScenario(options.scenario ?? "demo", { now: start });
  const startedAt = performance.now();
  const now = (): number => start.getTime() + Math.round(performance.now() - startedAt);
  const pipeline = {
    state: createEmulatorState(scenario, options.verificationPolls ?? 1),
    route: createRouter(ALL_ROUTES),
    faults: createFaultSet(options.faults ?? []),
    log: createRequestLog(),
    now,
    base: { url: "" },
  };
  const server = createServer((request, response) => {
    // A client that goes away mid-answer must not bring the emulator down.
    handleRequest(pipeline, request, response).catch(() => response.destroy());
  });
  const host = options.host ?? "127.0.0.1";
  const port = await listen(server, { port: options.port ?? 0, host });
  const urlHost = host.includes(":") ? `[${host}]` : host;
  pipeline.base.url = `http://${urlHost}:${port}`;
  return {
    url: pipeline.base.url,
    port,
    scenario,
    users: scenario.users.map((user) => ({
      id: user.id,
      email: user.email,
      apiKey: user.apiKey,
      name: `${user.firstName} ${user.lastName}`,
      ...(user.description === undefined ? {} : { description: user.description }),
    })),
    requests: pipeline.log.entries,
    resetRequests: pipeline.log.reset,
    setFaults: pipeline.faults.set,
    appendLogs: (entries) => appendLogs(pipeline.state, entries),
    close: () => closeServer(server),
  };
};
