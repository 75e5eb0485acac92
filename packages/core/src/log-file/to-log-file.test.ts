import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCoreError } from "../errors.js";
import type { LogEntry } from "../model/log-entry.js";
import { parseLogFile, parseLogLine } from "./parse-log-line.js";
import { toLogFile } from "./to-log-file.js";

const entry = (message: string, timestamp: string, extra: Partial<LogEntry> = {}): LogEntry => ({
  id: "6f1c2b9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
  timestamp,
  level: 50,
  message,
  workspaceId: "5a0000000000000000000001",
  flowId: "585918da586224001b96de89",
  stepId: "step_2",
  ...extra,
});

describe("toLogFile", () => {
  it("writes one line per entry in the documented format", () => {
    const text = toLogFile([
      entry("Code: 401 Message: Unauthorized", "2026-11-25T03:13:27.825Z", {
        componentName: "REST API",
        execId: "0a1b2c3d4e5f60718293a4b5c6d7e8f9",
        threadId: "6f1c2b9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b",
      }),
      entry("tick", "2026-11-25T03:14:00+01:00", { level: 30, stepId: "step_1" }),
    ]);
    expect(text).toBe(
      '2026-11-25T02:14:00.000Z INFO step_1 - | tick\n2026-11-25T03:13:27.825Z ERROR step_2 "REST API" exec=0a1b2c3d4e5f60718293a4b5c6d7e8f9 thread=6f1c2b9e-1c2d-4e5f-8a9b-0c1d2e3f4a5b | Code: 401 Message: Unauthorized\n',
    );
  });

  it("sorts by time and keeps the order of entries with equal times", () => {
    const at = "2026-11-25T03:00:00.000Z";
    const text = toLogFile([
      entry("third", "2026-11-25T04:00:00Z"),
      entry("first a", at),
      entry("first b", at),
      entry("zeroth", "2026-11-24T23:00:00Z"),
      entry("first c", at),
    ]);
    expect(parseLogFile(text).map((line) => line.message)).toEqual([
      "zeroth",
      "first a",
      "first b",
      "first c",
      "third",
    ]);
  });

  it("keeps multi-line messages on one line and reads them back", () => {
    const message = 'TypeError: x\n    at a (C:\\app\\a.js:1:2)\r\n\u2028end "quoted" | pipe';
    const text = toLogFile([entry(message, "2026-11-25T03:00:00Z")]);
    expect(text.split("\n")).toHaveLength(2);
    expect(text).toContain("TypeError: x\\n    at a (C:\\\\app\\\\a.js:1:2)\\r\\n\\u2028end");
    expect(parseLogFile(text)[0]?.message).toBe(message);
  });

  it("redacts secrets unless told not to", () => {
    const secret = entry('Body: {"password":"hunter2"}', "2026-11-25T03:00:00Z");
    expect(toLogFile([secret])).toContain('{"password":"[REDACTED]"}');
    expect(toLogFile([secret], { redact: false })).toContain("hunter2");
  });

  it("redacts the step, component and ids of a line too, and reads them back", () => {
    const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl";
    const text = toLogFile([
      entry("tick", "2026-11-25T03:00:00Z", {
        stepId: `step-${token}`,
        componentName: `REST https://bot:hunter2hunter2@api.example`,
        execId: "AKIAABCDEFGHIJKLMNOP",
        threadId: `thread ${token}`,
      }),
    ]);
    expect(text).not.toMatch(/eyJzdWIi|hunter2hunter2|ABCDEFGHIJKLMNOP/);
    expect(parseLogFile(text)[0]).toMatchObject({
      stepId: "step-[REDACTED]",
      componentName: "REST https://bot:[REDACTED]@api.example",
      execId: "AKIA[REDACTED]",
      threadId: "thread [REDACTED]",
    });
  });

  it("gives an empty text for no entries", () => {
    expect(toLogFile([])).toBe("");
    expect(parseLogFile("")).toEqual([]);
  });

  it("rejects entries with an invalid timestamp, naming the entry", () => {
    try {
      toLogFile([entry("a", "2026-11-25T03:00:00Z"), entry("b", "not a time")]);
      expect.unreachable();
    } catch (error) {
      expect(isCoreError(error) && error.code).toBe("CORE_INVALID_INPUT");
      expect((error as Error).message).toBe("entries[1].timestamp must be an ISO-8601 date-time");
    }
  });

  it("round-trips any entry through parseLogLine", () => {
    const id = fc.string({ minLength: 1, maxLength: 20 });
    const arbitraryEntry = fc.record(
      {
        timestamp: fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms).toISOString()),
        level: fc.constantFrom(1, 10, 20, 30, 40, 50, 60),
        stepId: id,
        componentName: fc.string({ maxLength: 20 }),
        execId: id,
        threadId: id,
        message: fc.string({ maxLength: 200, unit: "binary" }),
      },
      { requiredKeys: ["timestamp", "level", "stepId", "message"] },
    );
    fc.assert(
      fc.property(arbitraryEntry, (written) => {
        const [line = ""] = toLogFile([written], { redact: false }).split("\n");
        const { levelName: _levelName, ...read } = parseLogLine(line);
        expect(read).toEqual(written);
      }),
      { numRuns: 200 },
    );
  }, 30_000);
});

describe("parseLogFile", () => {
  it("reads files whose line breaks were turned into CRLF", () => {
    const text = toLogFile([entry("a", "2026-11-25T03:00:00Z"), entry("b", "2026-11-25T03:00:01Z")]);
    expect(parseLogFile(text.replaceAll("\n", "\r\n")).map((line) => line.message)).toEqual(["a", "b"]);
  });
});

describe("parseLogLine", () => {
  it("rejects lines of another format, naming the rule", () => {
    expect(() => parseLogLine("hello")).toThrow(/log line must read/);
    expect(() => parseLogLine("2026-11-25T03:00:00Z LOUD step_1 - | x")).toThrow(/level must be one of/);
    expect(() => parseLogFile("2026-11-25T03:00:00.000Z INFO s - | ok\nbad\n")).toThrow(/^line 2: log line/);
  });
});
