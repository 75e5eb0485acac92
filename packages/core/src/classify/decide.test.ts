import { describe, expect, it } from "vitest";
import type { Cause } from "../taxonomy/taxonomy.js";
import { candidate } from "./candidate.js";
import { decide } from "./decide.js";

const vote = (cause: Cause, score: number, signal = `s${score}`) =>
  candidate(cause, score, { signal, source: "message", value: signal });

describe("decide", () => {
  it("picks the cause of the best-scored signal", () => {
    const decision = decide([
      vote("SYSTEM_DOWNTIME", 64),
      vote("INVALID_CREDENTIALS", 84),
      vote("SYSTEM_DOWNTIME", 58),
    ]);
    expect(decision?.cause).toBe("INVALID_CREDENTIALS");
    expect(decision?.confidence).toBe(0.84);
  });

  it("adds 0.02 per further distinct signal for the same cause", () => {
    const decision = decide([vote("MAPPING", 80), vote("MAPPING", 70), vote("MAPPING", 60)]);
    expect(decision?.confidence).toBe(0.84);
    expect(decision?.evidence.map((item) => item.signal)).toEqual(["s80", "s70", "s60"]);
  });

  it("counts the same signal twice only once", () => {
    const decision = decide([vote("MAPPING", 80, "a"), vote("MAPPING", 80, "a")]);
    expect(decision?.evidence).toHaveLength(1);
    expect(decision?.confidence).toBe(0.8);
  });

  it("lowers confidence when a rival cause is within 4 points", () => {
    expect(decide([vote("ANSWER_STRUCTURE", 81), vote("COMPONENT_ERROR", 80)])?.confidence).toBe(0.76);
    expect(decide([vote("ANSWER_STRUCTURE", 81), vote("COMPONENT_ERROR", 70)])?.confidence).toBe(0.81);
  });

  it("breaks ties by the number of signals, then by the taxonomy's order", () => {
    expect(decide([vote("MAPPING", 80), vote("SYSTEM_DOWNTIME", 80), vote("MAPPING", 60)])?.cause).toBe(
      "MAPPING",
    );
    expect(decide([vote("MAPPING", 80), vote("SYSTEM_DOWNTIME", 80)])?.cause).toBe("SYSTEM_DOWNTIME");
  });

  it("gives no decision below the threshold or without candidates", () => {
    expect(decide([vote("MAPPING", 49)])).toBeUndefined();
    expect(decide([])).toBeUndefined();
  });

  it("never exceeds 0.99", () => {
    const many = Array.from({ length: 10 }, (_, index) => vote("OUT_OF_MEMORY", 97 - index));
    expect(decide(many)?.confidence).toBe(0.99);
  });
});
