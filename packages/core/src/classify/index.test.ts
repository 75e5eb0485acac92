import { describe, expect, it } from "vitest";
import * as core from "../index.js";
import * as classify from "./index.js";

describe("the classify barrel", () => {
  it("lists its public values by name, and the package entry re-exports them", () => {
    expect(Object.keys(classify).sort()).toEqual([
      "EVIDENCE_SOURCES",
      "causeOfStatusCode",
      "classifyError",
      "findStatusCode",
    ]);
    expect(core.classifyError).toBe(classify.classifyError);
    expect(core.findStatusCode).toBe(classify.findStatusCode);
  });
});
