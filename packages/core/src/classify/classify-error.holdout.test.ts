import { describe, expect, it } from "vitest";
import { classifyError } from "./classify-error.js";
import type { ClassifyCase } from "./testing/cases.js";
import { FRESH_CASES, HOLDOUT_CASES, LATER_CASES } from "./testing/holdout.js";

const label = (message: unknown): string => String(message).slice(0, 90).replace(/\n/g, "⏎");
const rows = (cases: readonly ClassifyCase[]) =>
  cases.map((item) => [label(item.input.message), item] as const);

describe("classifyError generalises to texts gathered after its rules were written", () => {
  it.each(rows(HOLDOUT_CASES))("component texts: %s", (_, item) => {
    expect(classifyError(item.input).cause).toBe(item.cause);
  });

  it.each(rows(FRESH_CASES))("library texts: %s", (_, item) => {
    expect(classifyError(item.input).cause).toBe(item.cause);
  });

  it.each(rows(LATER_CASES))("API bodies and faults: %s", (_, item) => {
    expect(classifyError(item.input).cause).toBe(item.cause);
  });
});
