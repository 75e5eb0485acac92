export type { ErrorGroup, GroupableLogEntry, GroupErrorsOptions, GroupingScope } from "./error-group.js";
export type { ErrorGrouper } from "./error-grouper.js";
export { createErrorGrouper, groupErrors } from "./error-grouper.js";
export type { FingerprintInput } from "./fingerprint-error.js";
export { fingerprintError } from "./fingerprint-error.js";
export { normalizeErrorMessage } from "./normalize-error-message.js";
