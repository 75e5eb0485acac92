import type { Cause } from "../taxonomy/taxonomy.js";

/** A status code found in a text, with the snippet that shows it is a status and not some other number. */
export interface StatusCodeMatch {
  readonly statusCode: number;
  readonly text: string;
}

const REASONS =
  "Bad Request|Unauthori[sz]ed|Payment Required|Forbidden|Not Found|Method Not Allowed|Not Acceptable|Proxy Authentication Required|Request Time-?out|Conflict|Gone|Precondition Failed|(?:Request Entity|Payload) Too Large|Unsupported Media Type|Unprocessable (?:Entity|Content)|Locked|Too Many Requests|Internal Server Error|Not Implemented|Bad Gateway|Proxy Error|Service Unavailable|Gateway Time-?out";

/**
 * Contexts in which a three-digit number is a status: wrappers of the REST API component ("Code: 401"), the
 * commons library (`status - "403"`), axios ("status code 503"), HTTP lines ("HTTP 502", "HTTP/1.1 503"), JSON
 * bodies (`"statusCode":429`), Java ("response code: 403"), PHP's print_r (`[HTTP Status] => 503`), Ruby hashes
 * (`:code=>400`), Dio ("status error [401]"), Alamofire ("status code was unacceptable: 401") and a number followed by
 * its reason phrase.
 * A bare number never counts: ids, ports, URL paths and timestamps contain numbers too.
 */
const STATUS_IN_TEXT = new RegExp(
  // Every context starts at a word or a parenthesis; one look-behind skips positions inside words.
  `(?<![\\w])(?:${[
    "\\bcode[\"']?\\s*(?:=>|[:=])\\s*[\"']?([1-5]\\d\\d)\\b",
    "\\b(?:http[ _-]?)?status(?:[ _-]?code|text)?[\"'\\]]?\\s*(?:=>|[:=-]|is|of|was)?\\s*[\"']?([1-5]\\d\\d)\\b",
    "\\bHTTP(?:/\\d(?:\\.\\d)?)?(?: error| status)?[ :#(-]{1,3}([1-5]\\d\\d)\\b",
    "\\b(?:response ?code|returned|respon(?:ded|ds) with|failed with|error)[ :#-]{1,3}(?:code )?[\"']?([45]\\d\\d)\\b",
    "\\bstatus (?:code|error) \\[([45]\\d\\d)\\]",
    "\\bstatus(?: code)? (?:was )?not (?:OK|successful)[: ]+([45]\\d\\d)\\b",
    "\\bstatus code was unacceptable: ([45]\\d\\d)\\b",
    "\\bStatusCodeError: ([45]\\d\\d)\\b",
    "\\b(?:received|got) (?:an? )?(?:http )?([45]\\d\\d) status(?: code)?\\b",
    "\\b([45]\\d\\d) Unknown Status\\b",
    "\\b([45]\\d\\d) (?:Client|Server) Error\\b",
    `\\b([45]\\d\\d) \\((?:${REASONS})\\)`,
    "\\[([45]\\d\\d)[,:] ?(?:https?:|GET|POST|PUT|PATCH|DELETE)",
    `\\b([1-5]\\d\\d)[ :-]{1,3}(?:${REASONS})\\b`,
    `\\(([1-5]\\d\\d)\\)[ :-]{0,3}(?:${REASONS})\\b`,
  ].join("|")})`,
  "gi",
);

/** What every context above ends with: a status's three digits at the end of a word. One quick scan rules most texts out. */
const STATUS_DIGITS = /[1-5]\d\d\b/;

const isErrorStatus = (code: number): boolean => code >= 400 && code <= 599;
/** An SMTP enhanced status code ("5.5.1", "4.7.0") right after a reply code: the number is SMTP's, not HTTP's. */
const SMTP_ENHANCED_CODE = /^[ -]?[245]\.\d{1,3}\.\d{1,3}\b/;

/**
 * The first HTTP error status (400–599) a text reports, with the snippet around it; `undefined` when none.
 * Statuses 1xx–3xx are skipped: a "200" in the same text does not explain an error; so are SMTP reply codes, told by
 * the enhanced status code that follows them ("554 5.5.1 no valid recipients" is a mail server's answer).
 *
 * @example findStatusCode('Error: Code: 401 Message: Unauthorized Body: {}') // { statusCode: 401, text: "Code: 401" }
 */
export const findStatusCode = (text: string): StatusCodeMatch | undefined => {
  if (typeof text !== "string" || !STATUS_DIGITS.test(text)) return undefined;
  STATUS_IN_TEXT.lastIndex = 0;
  for (let match = STATUS_IN_TEXT.exec(text); match !== null; match = STATUS_IN_TEXT.exec(text)) {
    const digits = match.find((group, index) => index > 0 && group !== undefined);
    const statusCode = Number(digits);
    const smtp = SMTP_ENHANCED_CODE.test(text.slice(match.index + match[0].length));
    if (isErrorStatus(statusCode) && !smtp) return { statusCode, text: match[0] };
  }
  return undefined;
};

/** Hints that decide what a 429 means. */
export interface TooManyRequestsHints {
  /** The step's queue is at or above its limit, or the text speaks of a queue overflow. */
  readonly queueFull: boolean;
  /** The text names a platform quota (webhook requests per minute, message count). */
  readonly platformQuota: boolean;
  /** The 429 came from a flow's webhook rather than from an external API. */
  readonly webhook: boolean;
}

const NO_HINTS: TooManyRequestsHints = { queueFull: false, platformQuota: false, webhook: false };

/** What a 429 means given the hints: the queue, a platform quota, or the external API's throttling. */
export const causeOf429 = (hints: TooManyRequestsHints): Cause => {
  if (hints.queueFull) return "QUEUE_OVERFLOW";
  if (hints.platformQuota || hints.webhook) return "QUOTA_EXCEEDED";
  return "RATE_LIMITED";
};

/**
 * The taxonomy cause an HTTP error status points to, or `undefined` for statuses that are not errors.
 * 401/403/407 → INVALID_CREDENTIALS; 408, 423 and 5xx → SYSTEM_DOWNTIME, but 501 (the server does not implement
 * what the component asked for) → COMPONENT_ERROR; 413 → MESSAGE_TOO_LARGE; other 4xx →
 * MAPPING (the target rejected what was sent); 429 → RATE_LIMITED from an external API, QUEUE_OVERFLOW when the
 * queue is full, QUOTA_EXCEEDED at a webhook or when a platform quota is named.
 */
export const causeOfStatusCode = (
  statusCode: number,
  hints: TooManyRequestsHints = NO_HINTS,
): Cause | undefined => {
  if (!Number.isInteger(statusCode) || !isErrorStatus(statusCode)) return undefined;
  if (statusCode === 401 || statusCode === 403 || statusCode === 407) return "INVALID_CREDENTIALS";
  if (statusCode === 429) return causeOf429(hints);
  if (statusCode === 413) return "MESSAGE_TOO_LARGE";
  if (statusCode === 501) return "COMPONENT_ERROR";
  if (statusCode === 408 || statusCode === 423 || statusCode >= 500) return "SYSTEM_DOWNTIME";
  return "MAPPING";
};
