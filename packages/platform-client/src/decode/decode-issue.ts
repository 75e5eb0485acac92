/** Thrown by decoders; the resource layer turns it into `PLATFORM_DECODE` naming method and path. */
export class DecodeIssue extends Error {
  override readonly name = "DecodeIssue";
}

const describe = (value: unknown): string => {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") return "a string";
  return typeof value === "object" ? "an object" : `${typeof value} ${String(value)}`.trim();
};

/** Throws a decode issue naming the field, the rule and what arrived (its type only: values may be secrets). */
export const fail = (at: string, rule: string, value: unknown): never => {
  throw new DecodeIssue(`${at} must be ${rule}, got ${describe(value)}`);
};
