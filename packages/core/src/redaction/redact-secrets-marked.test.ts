import { describe, expect, it } from "vitest";
import { redactSecrets, redactSecretsMarked } from "./redact-secrets.js";
import { REDACTION_MARKER } from "./redaction-marker.js";
import { SECRET_EXAMPLES } from "./secret-examples.js";
import { SECRET_SHAPES } from "./secret-shapes.js";

const CATALOGUE = [
  ...SECRET_SHAPES.flatMap((shape) => shape.examples.map((example) => ({ kind: shape.id, ...example }))),
  ...SECRET_EXAMPLES,
];

describe("redactSecretsMarked", () => {
  it.each(CATALOGUE.map((example) => [example.kind, example] as const))(
    "marks the %s it masks, where the marker is",
    (kind, example) => {
      const text = `before ${example.text} after`;
      const result = redactSecretsMarked(text);
      expect(result.text).toBe(redactSecrets(text));
      expect(result.marks.map((mark) => mark.kind)).toContain(kind);
      for (const mark of result.marks) expect(result.text.slice(mark.from, mark.to)).toBe(REDACTION_MARKER);
      expect(result.marks).toHaveLength(result.text.split(REDACTION_MARKER).length - 1);
    },
  );

  it("keeps a span a person said is not secret, and masks the rest", () => {
    const result = redactSecretsMarked("token=abc123 password=hunter2", { keep: ["abc123"] });
    expect(result).toEqual({
      text: "token=abc123 password=[REDACTED]",
      marks: [{ from: 22, to: 32, kind: "key-value", original: { from: 22, to: 29 } }],
    });
  });

  it("reports nothing for a text without secrets or already redacted", () => {
    expect(redactSecretsMarked("all good").marks).toEqual([]);
    expect(redactSecretsMarked("token=[REDACTED]").marks).toEqual([]);
  });
});
