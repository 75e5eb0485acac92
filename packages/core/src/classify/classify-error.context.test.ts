import { describe, expect, it } from "vitest";
import { PLATFORM_LIMITS, QUEUE_SUSPENSION_MESSAGES } from "../model/limits.js";
import type { StepQueueStats } from "../model/platform.js";
import { classifyError } from "./classify-error.js";
import type { ErrorContext } from "./types.js";

const START = "2026-11-24T08:00:00.000Z";
const hoursLater = (hours: number): string => new Date(Date.parse(START) + hours * 3_600_000).toISOString();
const stats = (total: number, extra: Partial<StepQueueStats> = {}): StepQueueStats => ({
  stepId: "step_2",
  total,
  ready: total,
  unacked: 0,
  rebounds: 0,
  ...extra,
});
const onlyContext = (context: ErrorContext) => classifyError({ message: "", context });

describe("classifyError from the context alone", () => {
  it("names a suspended flow with an empty message", () => {
    const result = onlyContext({ flowStatus: "suspended", flowCurrentStatus: "suspended" });
    expect(result.cause).toBe("FLOW_SUSPENDED");
    expect(result.evidence[0]).toMatchObject({ signal: "flowSuspended", source: "flowState" });
  });

  it("counts a flow that is being suspended as suspended", () => {
    expect(onlyContext({ flowStatus: "active", flowCurrentStatus: "suspending" }).cause).toBe(
      "FLOW_SUSPENDED",
    );
    expect(onlyContext({ flowStatus: "active", flowCurrentStatus: "active" }).cause).toBe("UNKNOWN");
  });

  it("names a suspended contract", () => {
    const result = onlyContext({ contractStatus: "suspended", flowStatus: "inactive" });
    expect(result.cause).toBe("CONTRACT_SUSPENDED");
    expect(result.evidence[0]).toEqual({ signal: "contractStatus", source: "contract", value: "suspended" });
  });

  it("names a limited-workspace stop 8 h after the last start, and not before", () => {
    const base: ErrorContext = { workspaceType: "limited", flowStatus: "inactive", lastStartTime: START };
    const stopped = onlyContext({ ...base, now: hoursLater(8.1) });
    expect(stopped.cause).toBe("LIMITED_WORKSPACE_STOPPED");
    expect(stopped.evidence[0]).toMatchObject({
      source: "workspace",
      value: expect.stringContaining("8.1 h"),
    });
    expect(onlyContext({ ...base, now: hoursLater(3) }).cause).toBe("UNKNOWN");
    expect(onlyContext({ ...base, workspaceType: "full", now: hoursLater(9) }).cause).toBe("UNKNOWN");
    expect(onlyContext({ ...base, flowStatus: "active", now: hoursLater(9) }).cause).toBe("UNKNOWN");
    expect(onlyContext({ ...base, now: "not a date" }).cause).toBe("UNKNOWN");
  });

  it("flags a queue at 80 % of its limit, more surely at 100 %", () => {
    const near = onlyContext({ queueStats: stats(QUEUE_SUSPENSION_MESSAGES) });
    const full = onlyContext({ queueStats: stats(PLATFORM_LIMITS.queueMessages) });
    expect(near.cause).toBe("QUEUE_OVERFLOW");
    expect(near.evidence[0]).toMatchObject({
      signal: "queueNearLimit",
      value: expect.stringContaining("80 %"),
    });
    expect(full.cause).toBe("QUEUE_OVERFLOW");
    expect(full.evidence[0]?.signal).toBe("queueFull");
    expect(full.confidence).toBeGreaterThan(near.confidence);
    expect(onlyContext({ queueStats: stats(QUEUE_SUSPENSION_MESSAGES - 1_000) }).cause).toBe("UNKNOWN");
  });

  it("counts queue bytes and limits support raised", () => {
    expect(onlyContext({ queueStats: stats(10, { bytes: PLATFORM_LIMITS.queueBytes }) }).cause).toBe(
      "QUEUE_OVERFLOW",
    );
    expect(onlyContext({ queueStats: stats(75_000), queueLimits: { messages: 500_000 } }).cause).toBe(
      "UNKNOWN",
    );
  });

  it("explains a suspension by a queue past the threshold", () => {
    const result = onlyContext({ flowStatus: "suspended", queueStats: stats(61_000) });
    expect(result.cause).toBe("QUEUE_OVERFLOW");
    expect(result.evidence.map((item) => item.source)).toEqual(["queueStats", "flowState"]);
    expect(result.confidence).toBeGreaterThanOrEqual(0.93);
  });

  it("reads a container's exit: 137 is memory, another failure is a failed start, a clean stop is nothing", () => {
    expect(onlyContext({ containerExit: { state: "Killed", exitCode: 137 } }).cause).toBe("OUT_OF_MEMORY");
    expect(onlyContext({ containerExit: { state: "Failed", exitCode: 1 } }).cause).toBe(
      "COMPONENT_FAILED_TO_START",
    );
    expect(onlyContext({ containerExit: { state: "Killed", exitCode: 0 } }).cause).toBe("UNKNOWN");
    expect(onlyContext({ containerExit: { state: "Finished", exitCode: 0 } }).cause).toBe("UNKNOWN");
    expect(onlyContext({ containerExit: { state: "Running" } }).cause).toBe("UNKNOWN");
  });

  it("uses a failed credential verification, with its reason", () => {
    const result = onlyContext({ credentialVerification: { verified: false, reason: "Invalid API key" } });
    expect(result.cause).toBe("INVALID_CREDENTIALS");
    expect(result.evidence[0]).toEqual({
      signal: "credentialRejected",
      source: "credential",
      value: "verified: false (Invalid API key)",
    });
    expect(onlyContext({ credentialVerification: { verified: true } }).cause).toBe("UNKNOWN");
  });

  it("lets a strong text signal of the error beat the flow's current state", () => {
    const result = classifyError({
      message: "connect ECONNREFUSED 10.0.0.1:443",
      context: { flowStatus: "suspended" },
    });
    expect(result.cause).toBe("SYSTEM_DOWNTIME");
  });

  it("lets the flow's state beat weak words", () => {
    expect(classifyError({ message: "timed out", context: { flowStatus: "suspended" } }).cause).toBe(
      "FLOW_SUSPENDED",
    );
  });

  it("ignores context fields of the wrong type", () => {
    const context = {
      flowStatus: 42,
      queueStats: "full",
      containerExit: null,
      now: {},
    } as unknown as ErrorContext;
    const result = classifyError({ message: "", context });
    expect(result.cause).toBe("UNKNOWN");
    expect(result.evidence[0]?.signal).toBe("noKnownSignal");
  });
});
