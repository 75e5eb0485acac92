export { classifyError } from "./classify-error.js";
export type { StatusCodeMatch, TooManyRequestsHints } from "./status-code.js";
export { causeOfStatusCode, findStatusCode } from "./status-code.js";
export type {
  Classification,
  ErrorContext,
  ErrorInput,
  Evidence,
  EvidenceSource,
  QueueLimits,
  StepFields,
} from "./types.js";
export { EVIDENCE_SOURCES } from "./types.js";
