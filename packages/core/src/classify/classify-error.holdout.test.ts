import { describe, expect, it } from "vitest";
import { classifyError } from "./classify-error.js";
import { FRESH_CASES, HOLDOUT_CASES } from "./testing/holdout.js";

const label = (message: unknown): string => String(message).slice(0, 90).replace(/\n/g, "⏎");

describe("classifyError generalises to texts gathered after its rules were written", () => {
  it.each(HOLDOUT_CASES.map((item) => [label(item.input.message), item] as const))(
    "component texts: %s",
    (_, item) => {
      expect(classifyError(item.input).cause).toBe(item.cause);
    },
  );

  it.each(FRESH_CASES.map((item) => [label(item.input.message), item] as const))(
    "library texts: %s",
    (_, item) => {
      expect(classifyError(item.input).cause).toBe(item.cause);
    },
  );
});
