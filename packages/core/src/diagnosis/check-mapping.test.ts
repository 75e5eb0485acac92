import { describe, expect, it } from "vitest";
import type { DataSample } from "../model/platform.js";
import { makeFlow } from "../testing/diagnosis-fixtures.js";
import { checkCredentials } from "./check-credentials.js";
import { checkMappings } from "./check-mapping.js";

const samples: Record<string, unknown> = {
  "6a1b2c3d4e5f60718293a201": { body: { customer: { email: "x@example.com" }, lines: [{ price: 3 }] } },
  // The CRM answer changed: `contact.mail` became `contact.emailAddress`.
  "6a1b2c3d4e5f60718293a202": { contact: { emailAddress: "x@example.com" } },
};
const loadSample = async (id: string): Promise<DataSample> => {
  if (!(id in samples)) throw new Error(`no sample ${id}`);
  return { id, method: "run", result: samples[id] };
};

describe("checkMappings", () => {
  it("finds the mapper path the feeding step's sample no longer has, on the right step", async () => {
    const { findings, compared } = await checkMappings(makeFlow(), loadSample);
    expect(compared).toBe(2);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      check: "mapping",
      status: "FAIL",
      cause: "MAPPING",
      stepId: "step_3",
    });
    expect(findings[0]?.detail).toContain('"to"');
    expect(findings[0]?.detail).toContain("contact.mail");
  });

  it("lets a sample that cannot be loaded fail the check rather than pass it", async () => {
    await expect(
      checkMappings(makeFlow(), async () => Promise.reject(new Error("upstream down"))),
    ).rejects.toThrow("upstream down");
  });
});

describe("checkCredentials", () => {
  it("verifies each credential once and reports rejected, verified and unverifiable", async () => {
    const calls: string[] = [];
    const flow = makeFlow();
    const rejected = await checkCredentials(flow, async (id) => {
      calls.push(id);
      return { verified: false, reason: "invalid_grant: refresh token expired" };
    });
    expect(calls).toEqual(["6a1b2c3d4e5f60718293a301"]);
    expect(rejected[0]).toMatchObject({ status: "FAIL", cause: "INVALID_CREDENTIALS", stepId: "step_2" });
    expect(rejected[0]?.detail).toContain("refresh token expired");
    expect((await checkCredentials(flow, async () => ({ verified: true })))[0]?.status).toBe("PASS");
    const failed = await checkCredentials(flow, async () =>
      Promise.reject(new Error("timed out after 30 s")),
    );
    expect(failed[0]).toMatchObject({ status: "ERROR", confidence: 0 });
  });
});
