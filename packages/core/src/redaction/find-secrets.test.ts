import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findSecrets } from "./find-secrets.js";
import { redactSecrets } from "./redact-secrets.js";
import { REDACTION_MARKER } from "./redaction-marker.js";
import { SECRET_EXAMPLES } from "./secret-examples.js";
import type { SecretSpan } from "./secret-span.js";

const replaceSpans = (text: string, spans: readonly SecretSpan[]): string => {
  let out = "";
  let copied = 0;
  for (const span of spans) {
    out += text.slice(copied, span.from) + REDACTION_MARKER;
    copied = span.to;
  }
  return out + text.slice(copied);
};

const expectWellFormed = (text: string, spans: readonly SecretSpan[]): void => {
  let end = -1;
  for (const span of spans) {
    expect(span.from).toBeGreaterThan(end);
    expect(span.to).toBeGreaterThan(span.from);
    expect(span.to).toBeLessThanOrEqual(text.length);
    expect(text.slice(span.from, span.to)).not.toBe(REDACTION_MARKER);
    end = span.to;
  }
};

describe("findSecrets", () => {
  it("says where the secrets are and what found them", () => {
    expect(findSecrets("token=abc123 sent to https://bob:hunter2@api.example.com")).toEqual([
      { from: 6, to: 12, kind: "key-value" },
      { from: 33, to: 40, kind: "url-password" },
    ]);
    const text = `saw ghp_${"a1B2".repeat(9)} and -----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----`;
    expect(findSecrets(text).map((span) => [span.kind, text.slice(span.from, span.to)])).toEqual([
      ["github-pat", "a1B2".repeat(9)],
      ["private-key", "\nMIIE\n"],
    ]);
  });

  it("joins overlapping findings into one span, named after the one that starts first", () => {
    const token = `ghp_${"a1B2".repeat(9)}`;
    expect(findSecrets(`{"token":"${token}"}`)).toEqual([
      { from: 10, to: 10 + token.length, kind: "key-value" },
    ]);
  });

  it("names a span found by a shape and by its key after the shape when both cover the same characters", () => {
    const basic = btoa("ops@example.com:01234567-89ab-4cde-8f01-23456789abcd");
    expect(findSecrets(`Authorization: Basic ${basic}`)).toEqual([
      { from: 21, to: 21 + basic.length, kind: "basic-credentials" },
    ]);
  });

  it("does not report markers already in the text", () => {
    expect(
      findSecrets(`password=${REDACTION_MARKER} "token": "${REDACTION_MARKER}" Bearer ${REDACTION_MARKER}`),
    ).toEqual([]);
  });

  it("returns nothing for empty and ordinary text", () => {
    expect(findSecrets("")).toEqual([]);
    expect(findSecrets("Code: 401 Message: Unauthorized Body: {}")).toEqual([]);
  });

  it.each(SECRET_EXAMPLES.map((example) => [example.kind, example.text.slice(0, 50), example] as const))(
    "%s %j: spans in order, apart, and exactly what redactSecrets replaces",
    (_kind, _text, example) => {
      const text = `before ${example.text} after\n${example.text}`;
      const spans = findSecrets(text);
      expectWellFormed(text, spans);
      expect(replaceSpans(text, spans)).toBe(redactSecrets(text));
    },
  );

  it("agrees with redactSecrets on any text", () => {
    const pieces = fc.oneof(
      fc.constantFrom(...SECRET_EXAMPLES.map((example) => example.text)),
      fc.string({ maxLength: 30 }),
      fc.constantFrom(
        " ",
        "\n",
        '"',
        "=",
        ":",
        "@",
        "://",
        "\\",
        "<",
        ">",
        "-",
        "--",
        "password",
        "token",
        "Bearer ",
      ),
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join("");
        const spans = findSecrets(text);
        expectWellFormed(text, spans);
        expect(replaceSpans(text, spans)).toBe(redactSecrets(text));
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it("rejects a value that is not a string, without echoing it", () => {
    expect(() => findSecrets(42 as unknown as string)).toThrow(/^text must be a string$/);
  });
});
