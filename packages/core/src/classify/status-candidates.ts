import { type Candidate, candidate } from "./candidate.js";
import { SCORES } from "./scores.js";
import { causeOf429, causeOfStatusCode, findStatusCode, type TooManyRequestsHints } from "./status-code.js";

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

/**
 * At a webhook or in front of a full queue, "Too Many Requests" and other throttling words are the platform's
 * answer, not the external API's: they then count for the cause a 429 has there, capped at the ambiguous score
 * unless the queue or a platform quota confirms it.
 */
export const reattributeThrottling = (
  candidates: readonly Candidate[],
  hints: TooManyRequestsHints,
): Candidate[] => {
  if (!hints.webhook && !hints.queueFull) return [...candidates];
  const cause = causeOf429(hints);
  const confirmed = hints.queueFull || hints.platformQuota;
  return candidates.map((item) =>
    item.cause !== "RATE_LIMITED"
      ? item
      : { ...item, cause, score: confirmed ? item.score : Math.min(item.score, SCORES.ambiguousWebhook429) },
  );
};

/** Statuses that some APIs answer throttling with, naming it only in the body (GitHub's 403, S3's 503 SlowDown). */
const THROTTLING_STATUSES = /^(?:403|503)$/;
/** The least score of a throttling text that re-reads such a status as throttling. */
const THROTTLING_TEXT_SCORE = 80;

/** A 403 or 503 whose text says the caller was throttled is a rate limit, not a credential or downtime problem. */
export const throttlingBehindStatus = (candidates: readonly Candidate[]): Candidate[] => {
  const throttled = candidates.some(
    (item) =>
      item.cause === "RATE_LIMITED" &&
      item.score >= THROTTLING_TEXT_SCORE &&
      item.evidence.signal !== "statusCode" &&
      item.evidence.signal !== "httpStatusInText",
  );
  if (!throttled) return [...candidates];
  return candidates.map((item) =>
    (item.evidence.signal === "statusCode" || item.evidence.signal === "httpStatusInText") &&
    THROTTLING_STATUSES.test(item.evidence.value.replace(/\D+/g, "").slice(0, 3))
      ? { ...item, cause: "RATE_LIMITED" }
      : item,
  );
};
