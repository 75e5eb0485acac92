import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeErrorMessage } from "./normalize-error-message.js";

// What varies between executions of one problem, generated afresh for every occurrence.
const hex = (length: number) => fc.stringMatching(new RegExp(`^[0-9a-f]{${length}}$`));
const VARIABLES = {
  oid: hex(24).filter((s) => /[a-f]/.test(s) && /\d/.test(s)),
  exec: hex(32).filter((s) => /[a-f]/.test(s) && /\d/.test(s)),
  sha: hex(40).filter((s) => /[a-f]/.test(s) && /\d/.test(s)),
  uuid: fc.uuid(),
  n: fc.nat(),
  time: fc.integer({ min: 0, max: 4_102_444_800_000 }).map((ms) => new Date(ms).toISOString()),
  ip: fc.ipV4(),
  port: fc.integer({ min: 1, max: 65535 }),
  host: fc
    .tuple(fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/), fc.constantFrom("com", "io", "de", "net"))
    .map(([a, t]) => `${a}.example.${t}`),
  email: fc.stringMatching(/^[a-z][a-z0-9.]{0,10}[a-z0-9]$/).map((u) => `${u}@mail.example.com`),
  text: fc
    .array(fc.constantFrom("Acme", "Corp", "big", "order", "shop"), { minLength: 2, maxLength: 4 })
    .map((w) => w.join(" ")),
} as const;
type Variable = keyof typeof VARIABLES;

// Real message shapes from the platform's error catalogue, with their variable parts marked.
const TEMPLATES: readonly string[] = [
  "connect ECONNREFUSED {ip}:{port}",
  "getaddrinfo ENOTFOUND {host}",
  "Timeout error! Waiting for response more than {n} ms",
  'Code: 401 Message: Unauthorized Body: {"request":"{oid}","at":"{time}"}',
  "Code: 404 Message: Not Found Body: Record {n} of flow {oid} not found",
  "Outgoing message size {n} exceeds limit of {n}.",
  "Failed on publishing {uuid} message to MQ: Channel closed",
  "exec {exec} of version {sha} failed at {time}",
  "Record with name '{text}' already exists for {email}",
  "GET https://{host}/v2/orders/{n}?page={n} failed with status code 503",
  "TypeError: Cannot read properties of undefined (reading 'email')\n    at f (/app/{oid}.js:{n}:{n})",
];

const fill = (template: string) =>
  fc
    .tuple(
      ...[...template.matchAll(/\{(\w+)\}/g)].map(
        ([, name]) => VARIABLES[name as Variable] as fc.Arbitrary<unknown>,
      ),
    )
    .map((values) => {
      let index = 0;
      return template.replace(/\{\w+\}/g, () => String(values[index++]));
    });

describe("normalizeErrorMessage properties", () => {
  it.each(TEMPLATES)(
    "gives one pattern for every filling of %j",
    (template) => {
      fc.assert(
        fc.property(fill(template), fill(template), (a, b) => {
          expect(normalizeErrorMessage(a)).toBe(normalizeErrorMessage(b));
        }),
        { numRuns: 200 },
      );
    },
    30_000,
  );
});
