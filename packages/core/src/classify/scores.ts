/**
 * Scores (0..100) behind every signal, in one place so the precedence can be read top to bottom.
 * A classification takes the cause of the best-scored signal; its confidence starts at that score / 100.
 *
 * Precedence, highest first:
 * 1. Facts about the error itself that name the cause outright: container exit 137 / OOMKilled (97),
 *    contract suspended (96).
 * 2. Platform verdict texts, which are the platform's own last word and more specific than anything that led
 *    to them: "Rebound limit exceeded", "Component run out of memory", "Outgoing message size … exceeds limit",
 *    "This contract has been suspended" (93–95). They outrank a status code because the status (say a 503) is
 *    why the rebounds happened, not why the message failed.
 * 3. Queue at or above its limit (93); a data store refusing work for its own state, whatever status it sends
 *    (CLUSTERDOWN, cluster_block_exception: 93); an explicit `statusCode` (92); credential verification `verified: false` (90).
 * 4. Strong text: exact platform and library texts, error codes (ECONNREFUSED, invalid_grant, JSONata T2002),
 *    status codes inside wrappers ("Code: 401", "status code 503"), Java exception classes (76–90).
 *    A container that failed with another non-zero exit code (86) sits here: it says *that* the container
 *    failed, while a strong text such as "JavaScript heap out of memory" (90) says *why*.
 * 5. State facts about the flow (82–78): limited workspace stopped after 8 h, flow suspended, queue at 80 %.
 *    They describe the flow now, and the error may predate them, so a strong text signal of the error wins.
 * 6. Weak words: timeouts, "unauthorized", "not found", other languages' words (50–72).
 * Below 50 nothing counts: then the learned token model (`learned/`) may answer when it is sure enough (its
 *    threshold is chosen by cross-validation on the corpus's development part; evidence `learnedTokens`), else UNKNOWN.
 *
 * Throttling named in a body beats the status beside it: a 403 or 503 whose text says the caller was rate limited
 * ("secondary rate limit", `userRateLimitExceeded`, S3's `SlowDown`) counts for RATE_LIMITED, and an OAuth error code
 * (`invalid_grant`) beats the 400 a token endpoint answers it with: INVALID_CREDENTIALS (`causeBehindStatus`).
 * Confidence is then calibrated (`learned/calibrate.ts`): of answers given about 0.8, about 80 % are right.
 *
 * Integration-logic triage among COMPONENT_ERROR, MAPPING and ANSWER_STRUCTURE:
 * - JSONata codes and mapper texts → MAPPING (86) before anything else: the mapper names its own errors.
 * - Component descriptor and loading failures ("is not found in component.json", "Process function is not
 *   found", "Cannot find module", missing env vars) → COMPONENT_ERROR (86–90).
 * - Answers that are not what was expected ("Unexpected token < in JSON", HTML, "Cannot read properties of
 *   undefined (reading 'data')" and other response-like properties) → ANSWER_STRUCTURE (76–84).
 * - Field validation ("X is required", "must be", HTTP 400/404/409/422 from the target) → MAPPING (70–84).
 * - Unless the diagnosis knows the step's fields (`context.stepFields`): a complaint about a field of the step's
 *   configuration is COMPONENT_ERROR, about a field its mapper sets MAPPING (88), above every text signal for either.
 * - TypeError/ReferenceError with a stack frame in the component's own files → COMPONENT_ERROR (80); the same
 *   error whose frames are all in node_modules or Node internals is not blamed on the component, and a generic
 *   "Cannot read properties of undefined" then counts as ANSWER_STRUCTURE (68). Without frames it is the code's
 *   (COMPONENT_ERROR, 66): of such development texts of the corpus, 22 were code defects and 12 answers.
 */
export const SCORES = {
  containerOom: 97,
  contractSuspended: 96,
  contractSuspending: 90,
  queueFull: 93,
  queueThresholdWhileSuspended: 93,
  statusCodeField: 92,
  statusCodeFieldServerError: 88,
  credentialRejected: 90,
  /** An error naming a field of the step's configuration, or one its mapper sets (`field-candidates.ts`). */
  namedStepField: 88,
  containerFailed: 86,
  statusInText: 84,
  statusInTextServerError: 80,
  /** A 429 at a webhook with no hint whether the queue or the request quota fired. */
  ambiguousWebhook429: 70,
  ownStackFrame: 80,
  /** "Cannot read properties of undefined" with frames only in libraries: one read an answer lacking it. */
  libraryReadOfNothing: 68,
  limitedWorkspaceStopped: 82,
  queueThreshold: 80,
  flowSuspended: 78,
  reboundsInQueue: 60,
  /** The least score that still counts; below it the result is UNKNOWN. */
  threshold: 50,
} as const;
