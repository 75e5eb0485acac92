/** Stable error codes of the emulator package. Codes are API: add, never rename. */
export const EMULATOR_ERROR_CODES = [
  "EMULATOR_INVALID_OPTIONS",
  "EMULATOR_INVALID_SCENARIO",
  "EMULATOR_SCENARIO_NOT_FOUND",
] as const;
/** One of {@link EMULATOR_ERROR_CODES}. */
export type EmulatorErrorCode = (typeof EMULATOR_ERROR_CODES)[number];

/** The one error class the emulator throws; match on `code`, not on the class. */
export class EmulatorError extends Error {
  override readonly name = "EmulatorError";
  readonly code: EmulatorErrorCode;

  constructor(code: EmulatorErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Whether a value is an emulator error, also across module copies (matches on name and code). */
export const isEmulatorError = (value: unknown): value is EmulatorError =>
  value instanceof Error &&
  value.name === "EmulatorError" &&
  (EMULATOR_ERROR_CODES as readonly string[]).includes((value as { code?: unknown }).code as string);
