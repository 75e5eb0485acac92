import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPlatformError, type PlatformError } from "../errors.js";
import { type Harness, rejectionOf, startHarness } from "../testing/harness.js";
import { ADMIN, FLOW_ID, GUEST, oid, WORKSPACE_ID } from "../testing/test-scenario.js";
import { readEnvelopeError } from "./status-error.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness.close());

const platformError = (error: unknown): PlatformError => {
  if (!isPlatformError(error)) throw new Error(`expected a PlatformError, got ${String(error)}`);
  return error;
};

describe("access errors", () => {
  it("reports a wrong API key as unauthenticated, once, without the key", async () => {
    const { platform, attempts } = harness.client({ login: { email: ADMIN.email, apiKey: "wrong-key-123" } });
    const error = platformError(await rejectionOf(platform.me()));
    expect(error).toMatchObject({
      code: "PLATFORM_UNAUTHENTICATED",
      method: "GET",
      path: "/v2/users/me",
      status: 401,
    });
    expect(error.message).toContain("GET /v2/users/me failed with 401");
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain("wrong-key-123");
    expect(attempts).toHaveLength(1);
  });

  it("reports a missing permission as forbidden with the platform's detail", async () => {
    const { platform } = harness.client({ login: GUEST });
    const error = platformError(await rejectionOf(platform.listLogs({ workspaceId: WORKSPACE_ID })));
    expect(error).toMatchObject({ code: "PLATFORM_FORBIDDEN", status: 403 });
    expect(error.detail).toBeTypeOf("string");
    const toggle = platformError(await rejectionOf(platform.startFlow(FLOW_ID)));
    expect(toggle.code).toBe("PLATFORM_FORBIDDEN");
  });

  it("reports an unknown flow as not found, naming the path", async () => {
    const { platform, attempts } = harness.client();
    const missing = oid("9", 0xfffff);
    const error = platformError(await rejectionOf(platform.getFlow(missing)));
    expect(error).toMatchObject({ code: "PLATFORM_NOT_FOUND", status: 404, path: `/v2/flows/${missing}` });
    expect(attempts).toHaveLength(1);
  });

  it("rejects a blank id before sending anything, as a rejected promise", async () => {
    const { platform, attempts } = harness.client();
    const error = platformError(await rejectionOf(platform.getFlow(" ")));
    expect(error.code).toBe("PLATFORM_INVALID_OPTION");
    expect(error.message).toBe("getFlow: flowId must be a non-empty string");
    expect(attempts).toHaveLength(0);
  });
});

describe("error envelopes", () => {
  it("reads errors[0], falls back to message bodies, and masks secrets in the platform's words", () => {
    expect(
      readEnvelopeError('{"errors":[{"status":404,"title":"Resource not found","detail":"Flow x"}]}'),
    ).toEqual({
      title: "Resource not found",
      detail: "Flow x",
    });
    expect(readEnvelopeError('{"error":"Bad Gateway","message":"upstream"}')).toEqual({
      title: "Bad Gateway",
      detail: "upstream",
    });
    expect(readEnvelopeError("<html>")).toEqual({});
    const masked = readEnvelopeError(
      '{"errors":[{"title":"Error","detail":"GET https://u:hunter2@erp.example.com failed"}]}',
    );
    expect(masked.detail).not.toContain("hunter2");
  });
});
