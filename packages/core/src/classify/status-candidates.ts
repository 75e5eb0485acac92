import { type Candidate, candidate } from "./candidate.js";
import { SCORES } from "./scores.js";
import { causeOfStatusCode, findStatusCode, type TooManyRequestsHints } from "./status-code.js";

const scoreOf = (statusCode: number, fromField: boolean, hints: TooManyRequestsHints): number => {
  if (statusCode === 429 && hints.webhook && !hints.queueFull && !hints.platformQuota)
    return SCORES.ambiguousWebhook429;
  if (fromField) return statusCode === 500 ? SCORES.statusCodeFieldServerError : SCORES.statusCodeField;
  return statusCode === 500 ? SCORES.statusInTextServerError : SCORES.statusInText;
};

/** The explicit `statusCode` of the input: a structured fact. */
export const statusFieldCandidates = (
  statusCode: number | undefined,
  hints: TooManyRequestsHints,
): Candidate[] => {
  if (statusCode === undefined) return [];
  const cause = causeOfStatusCode(statusCode, hints);
  if (cause === undefined) return [];
  const score = scoreOf(statusCode, true, hints);
  return [candidate(cause, score, { signal: "statusCode", source: "statusCode", value: String(statusCode) })];
};

/** A status code inside the message text ("Code: 401", "status code 503", `"statusCode":429`): strong text. */
export const statusTextCandidates = (text: string, hints: TooManyRequestsHints): Candidate[] => {
  const found = findStatusCode(text);
  if (found === undefined) return [];
  const cause = causeOfStatusCode(found.statusCode, hints);
  if (cause === undefined) return [];
  const score = scoreOf(found.statusCode, false, hints);
  return [candidate(cause, score, { signal: "httpStatusInText", source: "message", value: found.text })];
};
