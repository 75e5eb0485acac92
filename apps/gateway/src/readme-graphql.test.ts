import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorGateway, startEmulatorGateway } from "./testing/emulator-gateway.js";

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface ReadmeExample {
  readonly operation: string;
  /** The JSON block right after the operation, when there is one: the answer's shape, or a part of it. */
  readonly shown?: Json;
}

/** Every GraphQL block of the repository's README, in order, each with the JSON block that follows it. */
const readmeExamples = (): ReadmeExample[] => {
  const readme = readFileSync(new URL("../../../README.md", import.meta.url), "utf8");
  const blocks = [...readme.matchAll(/```(graphql|json)\n([\s\S]*?)```/g)];
  return blocks.flatMap((block, index) => {
    if (block[1] !== "graphql") return [];
    const next = blocks[index + 1];
    const end = (block.index ?? 0) + block[0].length;
    const followsDirectly = next?.[1] === "json" && readme.slice(end, next.index).trim() === "";
    return [{ operation: block[2] ?? "", ...(followsDirectly ? { shown: JSON.parse(next[2] ?? "") } : {}) }];
  });
};

/** Whether `answer` has every key `shown` has, with values of the same JSON type; a shown `null` allows anything. */
const hasShape = (answer: Json, shown: Json): boolean => {
  if (shown === null) return true;
  if (Array.isArray(shown))
    return (
      Array.isArray(answer) && shown.every((item) => answer.some((candidate) => hasShape(candidate, item)))
    );
  if (typeof shown === "object") {
    if (answer === null || typeof answer !== "object" || Array.isArray(answer)) return false;
    return Object.entries(shown).every(
      ([key, value]) => key in answer && hasShape(answer[key] ?? null, value),
    );
  }
  return typeof answer === typeof shown;
};

/** Whether the answer, or a part of it (the README abridges), has the shown shape. */
const containsShape = (answer: Json, shown: Json): boolean =>
  hasShape(answer, shown) ||
  (answer !== null &&
    typeof answer === "object" &&
    Object.values(answer).some((part) => containsShape(part, shown)));

describe("issue 15: the README's GraphQL examples run against the demo as written", () => {
  let running: EmulatorGateway;
  beforeAll(async () => {
    running = await startEmulatorGateway({ DATA_DIR: "memory://" });
  }, 60_000);
  afterAll(async () => running?.close());

  it("finds the examples and the answers they show", () => {
    const examples = readmeExamples();
    expect(examples.length).toBeGreaterThanOrEqual(6);
    expect(examples.filter((example) => example.shown !== undefined).length).toBeGreaterThanOrEqual(4);
  });

  it("answers every one without errors, in the shape the README shows", async () => {
    // The README passes the ticket its first example created to the next ones as the variable `id`.
    let ticketId: string | undefined;
    for (const { operation, shown } of readmeExamples()) {
      const variables = operation.includes("$id") ? { id: ticketId } : {};
      const { status, body } = await running.gateway.query(operation, {
        variables,
        headers: running.as("alice"),
      });
      expect({ operation, status, errors: body.errors }).toEqual({
        operation,
        status: 200,
        errors: undefined,
      });
      const data = (body.data ?? null) as Json;
      if (shown !== undefined)
        expect({ operation, shape: containsShape(data, shown) }).toEqual({ operation, shape: true });
      const created = body.data?.createTicketFromDiagnosis as { ticket?: { id?: string } } | undefined;
      ticketId = created?.ticket?.id ?? ticketId;
    }
  }, 60_000);

  it("tells a README answer of another shape from a matching one", () => {
    const answer: Json = { errorGroups: { nodes: [{ count: 3, flow: { name: "A" }, lastError: null }] } };
    expect(containsShape(answer, { count: 10, flow: { name: "B" } })).toBe(true);
    expect(containsShape(answer, { count: "10" })).toBe(false);
    expect(containsShape(answer, { count: 10, flow: { title: "B" } })).toBe(false);
    expect(containsShape(answer, { lastError: "boom" })).toBe(false);
  });
});
