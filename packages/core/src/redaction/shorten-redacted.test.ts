import { describe, expect, it } from "vitest";
import { evidence } from "../diagnosis/make-finding.js";
import { shortenRedacted } from "./shorten-redacted.js";

const TOKEN = `ghp_${"a1B2c3D4e5".repeat(4)}`;
/** A text whose cut at `max` falls inside the token, so cutting first would keep the token's head. */
const straddling = (max: number) => `${"x".repeat(max - 20)} token ${TOKEN} end`;

describe("shortenRedacted", () => {
  it("redacts before cutting, so no part of a secret across the cut survives", () => {
    const shown = shortenRedacted(straddling(200), 200);
    expect(shown.length).toBeLessThanOrEqual(200);
    expect(shown).not.toContain(TOKEN.slice(4, 12));
    expect(shown.endsWith("…")).toBe(true);
  });

  it("returns short texts unchanged", () => {
    expect(shortenRedacted("connect ECONNREFUSED 10.0.0.1:443", 200)).toBe(
      "connect ECONNREFUSED 10.0.0.1:443",
    );
  });

  it("is what diagnosis evidence uses for platform text", () => {
    expect(evidence("dataSample", "sample", straddling(300)).value).not.toContain(TOKEN.slice(4, 12));
  });
});
