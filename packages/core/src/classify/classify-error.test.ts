import { describe, expect, it } from "vitest";
import { CAUSE_INFO, CAUSES } from "../taxonomy/taxonomy.js";
import { classifyError } from "./classify-error.js";
import { CLASSIFY_CASES } from "./testing/cases.js";
import { EVIDENCE_SOURCES } from "./types.js";

const label = (message: unknown): string => {
  const text = typeof message === "string" ? message : JSON.stringify(message);
  return text.length === 0 ? "(empty message)" : text.slice(0, 90).replace(/\n/g, "⏎");
};

describe("classifyError on real-looking messages", () => {
  for (const cause of CAUSES) {
    const cases = CLASSIFY_CASES.filter((item) => item.cause === cause);

    describe(cause, () => {
      it("has at least eight varied cases", () => {
        expect(cases.length).toBeGreaterThanOrEqual(8);
        expect(new Set(cases.map((item) => JSON.stringify(item.input))).size).toBe(cases.length);
      });

      it.each(cases.map((item, index) => [`${index + 1}: ${label(item.input.message)}`, item] as const))(
        "%s",
        (_, item) => {
          const result = classifyError(item.input);
          expect(result.cause).toBe(cause);
          expect(result.level).toBe(CAUSE_INFO[cause].level);
          expect(result.evidence.length).toBeGreaterThan(0);
        },
      );
    });
  }
});

describe("classifyError ignores noise around a message", () => {
  const wrappings: readonly [string, (message: string) => string][] = [
    [
      "a timestamp, step and id prefix",
      (message) => `[2026-11-24T10:15:42.401Z] ERROR step_3 5f1b2c3d4e5f6a7b8c9d0e1f: ${message}`,
    ],
    [
      "ANSI colours and <em> marks",
      (message) => `\u001b[31merror\u001b[39m ${message.replace(/(\w{6,})/, "<em>$1</em>")}`,
    ],
    [
      "a JSON log line",
      (message) => JSON.stringify({ level: 50, msg: message, threadId: "3f2a9c1e-7d4b-4e7a-9f0e" }),
    ],
  ];
  const texts = CLASSIFY_CASES.filter(
    (item) =>
      typeof item.input.message === "string" &&
      item.input.message.length > 0 &&
      item.input.context === undefined,
  );

  it.each(wrappings)("keeps every verdict under %s", (_, wrap) => {
    for (const item of texts) {
      const plain = classifyError(item.input).cause;
      expect({
        message: item.input.message,
        cause: classifyError({ ...item.input, message: wrap(String(item.input.message)) }).cause,
      }).toEqual({
        message: item.input.message,
        cause: plain,
      });
    }
  });
});

describe("the classification's shape", () => {
  it("carries the taxonomy's title, remedy, link and retryability for the cause", () => {
    const result = classifyError({ message: "Rebound limit exceeded" });
    const info = CAUSE_INFO.REBOUND_EXHAUSTED;
    expect(result).toMatchObject({
      cause: "REBOUND_EXHAUSTED",
      level: "INTEGRATION_LOGIC",
      title: info.title,
      remedy: info.remedy,
      docsUrl: info.docsUrl,
      retryable: true,
    });
  });

  it("names every signal with a known source and a short one-line value", () => {
    for (const item of CLASSIFY_CASES) {
      for (const evidence of classifyError(item.input).evidence) {
        expect(EVIDENCE_SOURCES).toContain(evidence.source);
        expect(evidence.signal).toMatch(/^[a-z][A-Za-z0-9]+$/);
        expect(evidence.value.length).toBeLessThanOrEqual(160);
        expect(evidence.value).not.toMatch(/\n/);
      }
    }
  });

  it("keeps confidence within 0..1; an UNKNOWN's is the chance that UNKNOWN is right, 0 without any text", () => {
    for (const item of CLASSIFY_CASES) {
      const { cause, confidence } = classifyError(item.input);
      expect(confidence).toBeGreaterThanOrEqual(0);
      expect(confidence).toBeLessThanOrEqual(1);
      if (cause === "UNKNOWN") expect(confidence).toBeLessThan(0.9);
      else expect(confidence).toBeGreaterThan(0);
      if (item.input.message === "" && cause === "UNKNOWN") expect(confidence).toBe(0);
    }
  });

  it("is deterministic: the same input gives the same classification", () => {
    for (const item of CLASSIFY_CASES) {
      expect(classifyError(item.input)).toEqual(classifyError(item.input));
    }
  });

  it("reports the matched text as evidence", () => {
    const result = classifyError({ message: "Error: getaddrinfo ENOTFOUND api.example-crm.com" });
    expect(result.evidence).toContainEqual({
      signal: "nodeNetworkCode",
      source: "message",
      value: "ENOTFOUND",
    });
  });

  it("reads the stack field as well as the message", () => {
    const result = classifyError({
      message: "Error",
      stack:
        "Error: connect ECONNREFUSED 10.0.0.8:443\n    at TCPConnectWrap.afterConnect (node:net:1555:16)",
    });
    expect(result.cause).toBe("SYSTEM_DOWNTIME");
    expect(result.evidence[0]).toMatchObject({ signal: "nodeNetworkCode", source: "stack" });
  });

  it("removes ANSI colours and the logs API's <em> search marks before matching", () => {
    const result = classifyError({
      message: "\u001b[31mERROR\u001b[39m request to CRM: <em>Unauthor</em>ized",
    });
    expect(result.cause).toBe("INVALID_CREDENTIALS");
    expect(result.evidence[0]?.value).toBe("Unauthorized");
  });

  it("redacts secrets quoted in evidence", () => {
    const reason = "401 for Authorization: Bearer sk_live_4eC39HqLyjWDarjtT1zdp7dc";
    const result = classifyError({
      message: "",
      context: { credentialVerification: { verified: false, reason } },
    });
    expect(result.cause).toBe("INVALID_CREDENTIALS");
    expect(result.evidence[0]?.value).toContain("[REDACTED]");
    expect(JSON.stringify(result)).not.toContain("sk_live_4eC39HqLyjWDarjtT1zdp7dc");
  });

  it("clips long evidence to one line of at most 160 characters", () => {
    const frame = `    at Object.process (/home/node/lib/actions/${"deeply/".repeat(40)}upsert.js:42:31)`;
    const result = classifyError({ message: `TypeError: x is not a function\n${frame}` });
    const own = result.evidence.find((item) => item.signal === "ownStackFrame");
    expect(own?.value.length).toBe(160);
    expect(own?.value.endsWith("…")).toBe(true);
  });

  it("accepts a bare string as the message", () => {
    expect(classifyError("socket hang up" as never).cause).toBe("SYSTEM_DOWNTIME");
  });
});
