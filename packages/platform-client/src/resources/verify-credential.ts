import type { CredentialVerification } from "@flowdoctor/core";
import { decodeExecutionId, decodeVerification } from "../decode/execution-result.js";
import { isPlatformError, PlatformError } from "../errors.js";
import { type CallOptions, segment } from "../http/api-request.js";
import { sleep } from "../http/sleep.js";
import { type Api, call, decode, requireId } from "./api.js";

/** What to verify, and how long to wait for the platform to do it. */
export interface VerifyCredentialRequest {
  /** The component whose credential check runs. */
  readonly componentId: string;
  /**
   * The component version (git revision).
   * @default "latest"
   */
  readonly version?: string;
  /** The workspace the check runs in (its contract must not be suspended). */
  readonly workspaceId: string;
  /** The credential's keys, shaped as the component's `credentials.fields`. Sent to the platform, never logged. */
  readonly fields: Readonly<Record<string, unknown>>;
  /** A VPN agent the component must reach the system through. */
  readonly vpnAgentId?: string;
  /**
   * Give up (`PLATFORM_TIMEOUT`) when no result has arrived after this many milliseconds. The platform kills
   * one-time executions after 120 s by default.
   * @default 130000
   */
  readonly deadlineMs?: number;
  /**
   * The first wait between polls in milliseconds; it grows by half per poll.
   * @default 500
   */
  readonly pollIntervalMs?: number;
  /**
   * The longest wait between polls in milliseconds.
   * @default 5000
   */
  readonly maxPollIntervalMs?: number;
}

interface Schedule {
  readonly deadline: number;
  readonly maxInterval: number;
  interval: number;
}

const invalid = (name: string, rule: string) =>
  new PlatformError("PLATFORM_INVALID_OPTION", `verifyCredential: ${name} must be ${rule}`);

const positive = (name: string, value: number | undefined, fallback: number): number => {
  if (value === undefined) return fallback;
  if (Number.isInteger(value) && value > 0) return value;
  throw invalid(name, "a positive integer (milliseconds)");
};

const requestBody = (request: VerifyCredentialRequest) => ({
  data: {
    type: "verify-credential",
    attributes: { fields: request.fields },
    relationships: {
      workspace: { data: { id: request.workspaceId, type: "workspace" } },
      ...(request.vpnAgentId === undefined
        ? {}
        : { vpn_agent: { data: { id: request.vpnAgentId, type: "vpn-agent" } } }),
    },
  },
});

/** Waits for the next poll, growing the interval; false when the deadline leaves no time for another poll. */
const waitForNextPoll = async (schedule: Schedule, signal: AbortSignal | undefined): Promise<boolean> => {
  const remaining = schedule.deadline - Date.now();
  if (remaining <= 0) return false;
  await sleep(Math.min(schedule.interval, remaining), signal);
  schedule.interval = Math.min(schedule.maxInterval, Math.round(schedule.interval * 1.5));
  return schedule.deadline - Date.now() > 0;
};

/** Polls until the result is ready (303) and then fetches it; 409 from the result means "not yet" as well. */
const awaitResult = async (api: Api, executionId: string, schedule: Schedule, options: CallOptions) => {
  const id = segment(executionId);
  let ready = false;
  do {
    if (!ready) ready = (await call(api, "GET", `/v2/exec/poll/${id}`, options)).status === 303;
    if (ready) {
      try {
        return decode(await call(api, "GET", `/v2/exec/result/${id}`, options), decodeVerification);
      } catch (error) {
        if (!isPlatformError(error) || error.code !== "PLATFORM_CONFLICT") throw error;
      }
    }
  } while (await waitForNextPoll(schedule, options.signal));
  return undefined;
};

const prepare = (request: VerifyCredentialRequest) => {
  const componentId = segment(requireId("verifyCredential", "componentId", request.componentId));
  requireId("verifyCredential", "workspaceId", request.workspaceId);
  if (typeof request.fields !== "object" || request.fields === null) {
    throw invalid("fields", "an object of credential keys");
  }
  const version = segment(requireId("verifyCredential", "version", request.version ?? "latest"));
  const deadlineMs = positive("deadlineMs", request.deadlineMs, 130_000);
  const schedule: Schedule = {
    deadline: Date.now() + deadlineMs,
    interval: positive("pollIntervalMs", request.pollIntervalMs, 500),
    maxInterval: positive("maxPollIntervalMs", request.maxPollIntervalMs, 5_000),
  };
  return {
    path: `/v2/components/${componentId}/versions/${version}/verify-credential`,
    deadlineMs,
    schedule,
  };
};

/**
 * Runs the platform's verify-credential execution as one call: schedules it, polls with growing intervals,
 * fetches the result, and gives up at the deadline with `PLATFORM_TIMEOUT`, cutting a request in flight.
 * A failed check is a result (`{ verified: false, reason }`), not an error.
 */
export const verifyCredentialApi = (api: Api) => ({
  verifyCredential: async (
    request: VerifyCredentialRequest,
    options: CallOptions = {},
  ): Promise<CredentialVerification> => {
    const { path, deadlineMs, schedule } = prepare(request);
    const deadline = AbortSignal.timeout(deadlineMs);
    const signal = options.signal === undefined ? deadline : AbortSignal.any([options.signal, deadline]);
    const bounded: CallOptions = { ...options, signal };
    try {
      const created = await call(api, "POST", path, bounded, requestBody(request));
      const executionId = decode(created, decodeExecutionId);
      const result = await awaitResult(api, executionId, schedule, bounded);
      if (result !== undefined) return result;
    } catch (error) {
      if (!deadline.aborted || options.signal?.aborted === true) throw error;
    }
    throw new PlatformError(
      "PLATFORM_TIMEOUT",
      `POST ${path}: no verification result within ${deadlineMs} ms`,
      {
        method: "POST",
        path,
      },
    );
  },
});
