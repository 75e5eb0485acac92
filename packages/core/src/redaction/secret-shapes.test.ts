import { describe, expect, it } from "vitest";
import * as core from "../index.js";
import { findSecrets } from "./find-secrets.js";
import { redactSecrets } from "./redact-secrets.js";
import { REDACTION_MARKER } from "./redaction-marker.js";
import { SECRET_EXAMPLES } from "./secret-examples.js";
import { SECRET_SHAPES } from "./secret-shapes.js";

/** The surroundings a credential is logged in; each keeps the example's text as it is. */
const CONTEXTS: readonly (readonly [string, (text: string) => string])[] = [
  ["alone", (text) => text],
  ["in a sentence", (text) => `request to upstream failed with ${text} (retrying in 5 s)`],
  ["in JSON", (text) => JSON.stringify({ level: 50, message: `upstream said ${text}`, status: 401 })],
  ["in a URL query", (text) => `GET https://api.example.com/v1/items?q=${text}&page=2 failed`],
  [
    "in a multi-line stack trace",
    (text) =>
      `Error: request failed: ${text}\n    at Object.process (/home/node/lib/actions/upsert.js:41:17)\n    at processTicksAndRejections (node:internal/process/task_queues:95:5)`,
  ],
];

const examples = SECRET_SHAPES.flatMap((shape) =>
  shape.examples.map((example, index) => ({ id: `${shape.id} #${index + 1}`, shape, example })),
);

describe("SECRET_SHAPES: the catalogue", () => {
  it("is exported from the package with findSecrets and SECRET_EXAMPLES", () => {
    expect(core.SECRET_SHAPES).toBe(SECRET_SHAPES);
    expect(core.SECRET_EXAMPLES).toBe(SECRET_EXAMPLES);
    expect(core.findSecrets).toBe(findSecrets);
    expect(core.redactSecrets).toBe(redactSecrets);
  });

  it("has unique kebab-case ids, a description, a source with an address, a global pattern and examples", () => {
    const ids = SECRET_SHAPES.map((shape) => shape.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const shape of SECRET_SHAPES) {
      expect(shape.id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(shape.description.length).toBeGreaterThan(10);
      expect(shape.source).toMatch(/https:\/\/\S+/);
      expect(shape.pattern.global).toBe(true);
      expect(shape.examples.length).toBeGreaterThan(0);
    }
  });

  it("is read-only", () => {
    expect(Object.isFrozen(SECRET_SHAPES)).toBe(true);
    for (const shape of SECRET_SHAPES) {
      expect(Object.isFrozen(shape)).toBe(true);
      expect(Object.isFrozen(shape.examples)).toBe(true);
      expect(Object.isFrozen(shape.keywords)).toBe(true);
    }
    expect(() => (SECRET_SHAPES as unknown as unknown[]).push({})).toThrow(TypeError);
  });

  it("puts a keyword in every example (or near it), so the trigger lets the shape run", () => {
    for (const shape of SECRET_SHAPES.filter((s) => s.keywords.length > 0)) {
      for (const example of shape.examples) {
        const fold = shape.pattern.ignoreCase || shape.near !== undefined;
        const text = fold ? example.text.toLowerCase() : example.text;
        const found = shape.keywords.some((keyword) => text.includes(fold ? keyword.toLowerCase() : keyword));
        expect(found, `${shape.id}: ${example.text}`).toBe(true);
      }
    }
  });

  it("keeps masking when someone moves lastIndex on an exported pattern", () => {
    const [first] = SECRET_SHAPES;
    if (first === undefined) throw new Error("empty catalogue");
    first.pattern.lastIndex = 5;
    const example = first.examples[0];
    expect(example && redactSecrets(example.text)).toBe(example?.redacted);
  });
});

describe.each(CONTEXTS)("every shape's example is masked %s", (_context, wrap) => {
  it.each(examples)("$id", ({ example }) => {
    expect(redactSecrets(wrap(example.text))).toBe(wrap(example.redacted));
  });
});

describe("every shape's example", () => {
  it.each(examples)("$id is reported under the shape's id", ({ shape, example }) => {
    expect(findSecrets(example.text).map((span) => span.kind)).toContain(shape.id);
  });
});

describe("SECRET_EXAMPLES", () => {
  it("holds every shape's examples and the structural ones, read-only", () => {
    expect(Object.isFrozen(SECRET_EXAMPLES)).toBe(true);
    expect(SECRET_EXAMPLES.length).toBeGreaterThan(examples.length);
    for (const id of [
      "key-value",
      "url-password",
      "private-key",
      ...SECRET_SHAPES.map((shape) => shape.id),
    ]) {
      expect(
        SECRET_EXAMPLES.some((example) => example.kind === id),
        id,
      ).toBe(true);
    }
  });

  it.each(SECRET_EXAMPLES.map((example) => [example.kind, example.text.slice(0, 60), example] as const))(
    "%s: %j is masked, reported under its kind, and masked once",
    (kind, _text, example) => {
      const redacted = redactSecrets(example.text);
      expect(redacted).toBe(example.redacted);
      expect(redacted).toContain(REDACTION_MARKER);
      expect(findSecrets(example.text).map((span) => span.kind)).toContain(kind);
      expect(redactSecrets(redacted)).toBe(redacted);
      expect(findSecrets(redacted)).toEqual([]);
    },
  );
});
