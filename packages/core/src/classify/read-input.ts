import type { ErrorContext, ErrorInput, Evidence } from "./types.js";

/** The input after every field has been checked; nothing here can throw later. */
export interface ReadInput {
  readonly message: string;
  readonly stack: string;
  readonly statusCode: number | undefined;
  readonly componentName: string;
  readonly context: ErrorContext;
  /** How non-text fields were read; reported when nothing matched. */
  readonly notes: readonly Evidence[];
}

/** More than this many characters of a value are never read. */
export const MAX_READ_CHARS = 1_000_000;
const decoder = new TextDecoder("utf-8", { fatal: false });

const note = (value: string): Evidence => ({ signal: "messageNotText", source: "message", value });

const fromObject = (value: object): string => {
  const record = value as Record<string, unknown>;
  const parts: string[] = [];
  const named = typeof record.name === "string" && record.name !== "Error";
  if (typeof record.message === "string")
    parts.push(named ? `${record.name}: ${record.message}` : record.message);
  if (typeof record.code === "string" || typeof record.code === "number") parts.push(`code: ${record.code}`);
  if (parts.length > 0) return parts.join(" ");
  try {
    return JSON.stringify(value)?.slice(0, MAX_READ_CHARS) ?? "";
  } catch {
    return "";
  }
};

/** Any value as text: strings as they are, bytes as UTF-8, Error-like objects by message and code, else JSON. */
export const textOf = (value: unknown, notes: Evidence[]): string => {
  if (typeof value === "string") return value;
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") {
    notes.push(note(`${typeof value} read as text`));
    return String(value);
  }
  if (value instanceof Uint8Array) {
    notes.push(note(`${value.byteLength} bytes decoded as UTF-8`));
    return decoder.decode(value.subarray(0, MAX_READ_CHARS));
  }
  if (typeof value === "object") {
    notes.push(note(Array.isArray(value) ? "array read as JSON" : "object read by its message or as JSON"));
    return fromObject(value);
  }
  notes.push(note(`${typeof value} ignored`));
  return "";
};

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/** The stack of an Error passed as the message, used when no separate `stack` was given. */
const stackOf = (message: unknown): string =>
  isRecord(message) && typeof message.stack === "string" ? message.stack : "";

/** Reads whatever was passed as an ErrorInput; a bare string counts as the message. */
export const readInput = (input: unknown): ReadInput => {
  const notes: Evidence[] = [];
  if (typeof input === "string") {
    return { message: input, stack: "", statusCode: undefined, componentName: "", context: {}, notes };
  }
  const record: Partial<Record<keyof ErrorInput, unknown>> = isRecord(input) ? input : {};
  if (!isRecord(input)) notes.push({ signal: "inputNotObject", source: "message", value: typeof input });
  const { statusCode, componentName, context } = record;
  return {
    message: textOf(record.message, notes),
    stack: typeof record.stack === "string" ? record.stack : stackOf(record.message),
    statusCode: typeof statusCode === "number" && Number.isInteger(statusCode) ? statusCode : undefined,
    componentName: typeof componentName === "string" ? componentName : "",
    context: isRecord(context) ? (context as ErrorContext) : {},
    notes,
  };
};
