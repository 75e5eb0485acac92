import { describe, expect, it } from "vitest";
import { classifyError } from "../classify-error.js";
import { withoutLogEnvelope } from "./log-envelope.js";

const MESSAGE = "Record 403 in /api/v2/orders/403 was skipped";

describe("withoutLogEnvelope", () => {
  it.each([
    ["a plain message", MESSAGE],
    [
      "a timestamp, level, step and id prefix",
      `[2026-11-24T10:15:42.401Z] ERROR step_3 5f1b2c3d4e5f6a7b8c9d0e1f: ${MESSAGE}`,
    ],
    ["a time and a bracketed level", `10:15:42.401 [WARN] - ${MESSAGE}`],
    ["a lower-case level before a timestamp", `error [2026-11-24T10:15:42.401Z] ${MESSAGE}`],
    ["a pino record", JSON.stringify({ level: 50, time: 1, msg: MESSAGE, threadId: "3f2a9c1e" })],
    [
      "a record with the error as an object",
      JSON.stringify({ level: "error", err: { message: MESSAGE, stack: "" } }),
    ],
  ])("reads the same message from %s", (_, text) => {
    expect(withoutLogEnvelope(text)).toBe(MESSAGE);
  });

  it("strips the prefix of every line of a multi-line excerpt", () => {
    const excerpt = [
      "2026-11-24 10:00:01 ERROR connect ETIMEDOUT",
      "2026-11-24 10:00:31 ERROR connect ETIMEDOUT",
    ];
    expect(withoutLogEnvelope(excerpt.join("\n"))).toBe("connect ETIMEDOUT\nconnect ETIMEDOUT");
  });

  it("keeps what is not an envelope: lower-case words, statuses in brackets, JSON without a message, broken JSON", () => {
    for (const text of [
      "error: connect ECONNREFUSED",
      "[401] Unauthorized",
      '{"statusCode":401,"body":"denied"}',
      '{"msg": "unterminated',
    ])
      expect(withoutLogEnvelope(text)).toBe(text);
  });

  it("gives the classifier the same answer and confidence with or without the envelope", () => {
    for (const message of [MESSAGE, "Unexpected token < in JSON at position 0", "socket hang up"]) {
      const plain = classifyError({ message });
      const logged = classifyError({ message: JSON.stringify({ level: 50, msg: message, pid: 7 }) });
      expect({ cause: logged.cause, confidence: logged.confidence }).toEqual({
        cause: plain.cause,
        confidence: plain.confidence,
      });
    }
  });
});
