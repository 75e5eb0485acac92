/** Stable error codes of the core package. Codes are API: add, never rename. */
export const CORE_ERROR_CODES = ["CORE_INVALID_INPUT", "CORE_INVALID_GRAPH"] as const;
export type CoreErrorCode = (typeof CORE_ERROR_CODES)[number];

/** The one error class the core package throws; match on `code`, not on the class. */
export class CoreError extends Error {
  override readonly name = "CoreError";
  readonly code: CoreErrorCode;

  constructor(code: CoreErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Whether a value is a core error, also across module copies (matches on name and code). */
export const isCoreError = (value: unknown): value is CoreError =>
  value instanceof Error &&
  value.name === "CoreError" &&
  (CORE_ERROR_CODES as readonly string[]).includes((value as { code?: unknown }).code as string);
