import { CoreError } from "../errors.js";
import { hashText } from "./hash-text.js";
import { normalizeErrorMessage } from "./normalize-error-message.js";

/** What identifies a problem: its message, where it happened. */
export interface FingerprintInput {
  readonly message: string;
  readonly flowId: string;
  /** Leave out to fingerprint the problem across all steps of the flow. */
  readonly stepId?: string;
}

/** The fingerprint of an already normalized message at a flow and (optionally) a step. */
export const fingerprintPattern = (pattern: string, flowId: string, stepId: string | undefined): string =>
  hashText(`${flowId}\u0000${stepId ?? ""}\u0000${pattern}`);

/**
 * A stable 16-hex-digit fingerprint of an error: the same for every occurrence of one problem at one flow and
 * step, whatever ids, numbers, times or hosts the message carries (see {@link normalizeErrorMessage}). Throws
 * `CORE_INVALID_INPUT` when the message, flow id or step id is not a string.
 *
 * @example
 * fingerprintError({ message: "connect ECONNREFUSED 10.0.0.12:443", flowId, stepId: "step_2" }) ===
 *   fingerprintError({ message: "connect ECONNREFUSED 10.0.0.99:443", flowId, stepId: "step_2" }); // true
 */
export const fingerprintError = (input: FingerprintInput): string => {
  if (typeof input?.flowId !== "string")
    throw new CoreError("CORE_INVALID_INPUT", "input.flowId must be a string");
  if (input.stepId !== undefined && typeof input.stepId !== "string") {
    throw new CoreError("CORE_INVALID_INPUT", "input.stepId must be a string when given");
  }
  return fingerprintPattern(normalizeErrorMessage(input.message), input.flowId, input.stepId);
};
