import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "../testing/harness.js";
import { SAMPLE_IDS } from "../testing/test-scenario.js";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness.close());

describe("data samples", () => {
  it("reads data samples one by one and by ids", async () => {
    const { platform } = harness.client();
    expect(await platform.getDataSample(SAMPLE_IDS[0])).toMatchObject({
      id: SAMPLE_IDS[0],
      method: "upsertOrder",
      result: { body: { id: 1, total: 9.5 } },
    });
    expect((await platform.listDataSamples([...SAMPLE_IDS])).map((sample) => sample.id).sort()).toEqual([
      ...SAMPLE_IDS,
    ]);
  });
});
