import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isPlatformError } from "../errors.js";
import { type Harness, rejectionOf, startHarness } from "../testing/harness.js";
import { BAD_CREDENTIAL_ID, GOOD_CREDENTIAL_ID, oid } from "../testing/test-scenario.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness({ verificationPolls: 1 });
});
afterAll(async () => harness.close());

const patience = { pollIntervalMs: 10, maxPollIntervalMs: 20 };

describe("verifyStoredCredential", () => {
  it("verifies a stored credential by id with its own keys", async () => {
    const { platform, attempts } = harness.client();
    expect(await platform.verifyStoredCredential(GOOD_CREDENTIAL_ID, patience)).toEqual({ verified: true });
    expect(attempts[0]).toMatchObject({ method: "GET", path: `/v2/credentials/${GOOD_CREDENTIAL_ID}/` });
    expect(attempts[1]?.method).toBe("POST");
  });

  it("reports the reason a stored credential is rejected", async () => {
    const { platform } = harness.client();
    expect(await platform.verifyStoredCredential(BAD_CREDENTIAL_ID, patience)).toEqual({
      verified: false,
      reason: "401 Unauthorized: API key expired",
    });
  });

  it("reports an unknown credential as not found without scheduling anything", async () => {
    const { platform, attempts } = harness.client();
    const error = await rejectionOf(platform.verifyStoredCredential(oid("e", 99), patience));
    expect(isPlatformError(error) && error.code).toBe("PLATFORM_NOT_FOUND");
    expect(attempts).toHaveLength(1);
  });
});
