import type { Cause } from "../taxonomy/taxonomy.js";
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

const isStatus = (item: Candidate): boolean =>
  item.evidence.signal === "statusCode" || item.evidence.signal === "httpStatusInText";

/** The least score of a throttling text that re-reads a 403 or 503 as throttling. */
const THROTTLING_TEXT_SCORE = 80;

/** The token endpoint's codes for a grant, client or refresh token it does not accept. */
const OAUTH_TOKEN_ERRORS =
  /\b(?:invalid_grant|invalid_client|unauthorized_client|invalid refresh[_ ]?token|refresh ?token (?:is )?(?:not valid|invalid|expired|revoked))\b/i;

/**
 * Statuses whose body names a more specific cause than the status does: some APIs answer throttling with a 403 or
 * 503 and name it only in the body (GitHub's 403, S3's 503 SlowDown); an OAuth token endpoint answers a rejected
 * grant or client with a 400 (RFC 6749, section 5.2). The status then counts for the body's cause.
 */
const CAUSES_BEHIND_STATUS: readonly {
  readonly cause: Cause;
  readonly statuses: RegExp;
  /** Whether a text candidate says so: not a status, and strong enough. */
  readonly says: (item: Candidate) => boolean;
}[] = [
  { cause: "RATE_LIMITED", statuses: /^(?:403|503)$/, says: (item) => item.score >= THROTTLING_TEXT_SCORE },
  {
    cause: "INVALID_CREDENTIALS",
    statuses: /^400$/,
    says: (item) => item.evidence.signal === "oauthError" && OAUTH_TOKEN_ERRORS.test(item.evidence.value),
  },
];

const statusOf = (item: Candidate): string => item.evidence.value.replace(/\D+/g, "").slice(0, 3);

/** A status whose body names a more specific cause (`CAUSES_BEHIND_STATUS`) counts for that cause. */
export const causeBehindStatus = (candidates: readonly Candidate[]): Candidate[] =>
  CAUSES_BEHIND_STATUS.reduce<Candidate[]>(
    (current, { cause, statuses, says }) => {
      if (!current.some((item) => item.cause === cause && !isStatus(item) && says(item))) return current;
      return current.map((item) =>
        isStatus(item) && statuses.test(statusOf(item)) ? { ...item, cause } : item,
      );
    },
    [...candidates],
  );
