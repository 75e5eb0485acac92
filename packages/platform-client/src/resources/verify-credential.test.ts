import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPlatformError } from "../errors.js";
import { type Harness, rejectionOf, startHarness } from "../testing/harness.js";
import { COMPONENT_ID, WORKSPACE_ID } from "../testing/test-scenario.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ verificationPolls: 2 });
});
afterAll(async () => harness.close());

const request = {
  componentId: COMPONENT_ID,
  workspaceId: WORKSPACE_ID,
  pollIntervalMs: 10,
  maxPollIntervalMs: 20,
};

describe("verifyCredential", () => {
  it("schedules, polls until the result is ready and reports a verified credential", async () => {
    const { platform, attempts } = harness.client();
    expect(await platform.verifyCredential({ ...request, fields: { apiKey: "good-erp-key" } })).toEqual({
      verified: true,
    });
    const paths = attempts.map(
      (attempt) => `${attempt.method} ${attempt.path.replace(/[0-9a-f]{24}/g, "ID")}`,
    );
    expect(paths).toEqual([
      "POST /v2/components/ID/versions/latest/verify-credential",
      "GET /v2/exec/poll/ID",
      "GET /v2/exec/poll/ID",
      "GET /v2/exec/poll/ID",
      "GET /v2/exec/result/ID",
    ]);
  });

  it("reports a rejected credential with the component's reason, as a result", async () => {
    const { platform } = harness.client();
    expect(await platform.verifyCredential({ ...request, fields: { apiKey: "expired-erp-key" } })).toEqual({
      verified: false,
      reason: "401 Unauthorized: API key expired",
    });
  });

  it("gives up at the deadline with a timeout", async () => {
    const slow = await startHarnessWithPolls(1_000);
    try {
      const { platform } = slow.client();
      const started = Date.now();
      const error = await rejectionOf(
        platform.verifyCredential({ ...request, fields: { apiKey: "good-erp-key" }, deadlineMs: 150 }),
      );
      expect(isPlatformError(error) && error.code).toBe("PLATFORM_TIMEOUT");
      expect((error as Error).message).toMatch(/no verification result within 150 ms/);
      expect(Date.now() - started).toBeLessThan(1_000);
    } finally {
      await slow.close();
    }
  });
});

describe("verifyCredential deadlines", () => {
  it("cuts a poll that hangs when the deadline passes", async () => {
    harness.setFaults([{ path: "/v2/exec/poll/*", latencyMs: 5_000 }]);
    try {
      const { platform, attempts } = harness.client();
      const started = Date.now();
      const error = await rejectionOf(
        platform.verifyCredential({ ...request, fields: { apiKey: "good-erp-key" }, deadlineMs: 200 }),
      );
      expect(error).toMatchObject({ code: "PLATFORM_TIMEOUT", method: "POST" });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect(attempts.map((attempt) => attempt.method)).toEqual(["POST", "GET"]);
    } finally {
      harness.setFaults([]);
    }
  });

  it("rejects with the caller's reason when the caller aborts", async () => {
    harness.setFaults([{ path: "/v2/exec/poll/*", latencyMs: 5_000 }]);
    try {
      const { platform } = harness.client();
      const controller = new AbortController();
      setTimeout(() => controller.abort(new Error("request cancelled")), 50);
      const error = await rejectionOf(
        platform.verifyCredential(
          { ...request, fields: { apiKey: "good-erp-key" } },
          { signal: controller.signal },
        ),
      );
      expect((error as Error).message).toBe("request cancelled");
    } finally {
      harness.setFaults([]);
    }
  });
});

const startHarnessWithPolls = (verificationPolls: number) => startHarness({ verificationPolls });
