// Texts gathered after the signal table was written, to check that it generalises: messages of other elastic.io
// components (sftp-component, salesforce-component-v2) and of the libraries components use (pg, mysql, tedious,
// ssh2, undici, AWS SDK, Google APIs, xml2js). Misses found here were fixed by widening signal families, never
// by adding these sentences.
import type { ClassifyCase } from "./cases.js";

const text = (cause: ClassifyCase["cause"], ...messages: string[]): ClassifyCase[] =>
  messages.map((message) => ({ cause, input: { message } }));

export const HOLDOUT_CASES: readonly ClassifyCase[] = [
  ...text(
    "SYSTEM_DOWNTIME",
    '"getFile" timed out after 60.0 seconds for file: /in/orders.csv (size: 1048576 bytes)',
    "TimeOut 30000ms limit reached",
    "Error: connect ETIMEDOUT 10.20.30.40:22",
    "Error: Timed out while waiting for handshake",
    "ConnectionError: Failed to connect to sql.example.com:1433 in 15000ms",
    "RequestError: Timeout: Request failed to complete in 15000ms",
    "FetchError: request to https://api.example.com/v1 failed, reason: connect ECONNREFUSED 1.2.3.4:443",
    "TypeError: fetch failed\n  [cause]: ConnectTimeoutError: Connect Timeout Error (attempted address: api.example.com:443)",
    "NetworkingError: getaddrinfo EAI_AGAIN s3.eu-central-1.amazonaws.com",
    "Error: 503 Service Unavailable",
  ),
  ...text(
    "INVALID_CREDENTIALS",
    "INVALID_LOGIN: Invalid username, password, security token; or user locked out.",
    "invalid_grant: authentication failure",
    "Error: All configured authentication methods failed",
    "Login failed for user 'eio'.",
    "InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records.",
    "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.",
    "secretId is missing in configuration, credentials cannot be fetched",
    "403 Forbidden: The caller does not have permission",
  ),
  ...text(
    "RATE_LIMITED",
    "You have reached your secondly limit.",
    "REQUEST_LIMIT_EXCEEDED: ConcurrentPerOrgLongTxn Limit exceeded.",
    "Rate Limit Exceeded",
    "API calls quota exceeded! maximum admitted 300 per Second.",
  ),
  ...text(
    "MAPPING",
    '"Start Time" should be earlier than "End Time"',
    'Both "Current file Name and Path" and "New file Name and Path" must be provided.',
    'Empty "Path and File Name" is not allowed.',
    "No unique criteria provided",
    "Found more than 1 sobject=Contact by Email=jane@example.com",
    "Can't found sobject=Account by AccountNumber=10045",
    "Directory /in/orders is not exist",
    'duplicate key value violates unique constraint "users_email_key"',
    'null value in column "name" of relation "users" violates not-null constraint',
    "ER_NO_DEFAULT_FOR_FIELD: Field 'name' doesn't have a default value",
    "Cannot insert the value NULL into column 'Name', table 'crm.dbo.Contacts'; column does not allow nulls.",
    "String or binary data would be truncated.",
    "INVALID_FIELD: No such column 'Foo__c' on entity 'Account'",
  ),
  ...text(
    "ANSWER_STRUCTURE",
    "Unexpected token u in JSON at position 0",
    "Non-whitespace before first tag.\nLine: 0\nColumn: 1\nChar: {",
    "TypeError: Cannot read properties of null (reading 'records')",
    "Invalid character in entity name\nLine: 3\nColumn: 14\nChar: =",
    "Received HTML instead of JSON from https://shop.example.com/api",
  ),
  ...text(
    "COMPONENT_ERROR",
    "Unsupported Output method",
    "TypeError: Cannot read properties of undefined (reading 'map')\n    at Object.process (/home/node/lib/actions/lookupObjects.js:55:38)",
    "Error: Cannot find module '../helpers'",
    "SyntaxError: Unexpected identifier\n    at wrapSafe (node:internal/modules/cjs/loader:1281:20)",
    'TypeError [ERR_INVALID_ARG_TYPE]: The "path" argument must be of type string. Received undefined',
    "java.lang.ClassCastException: class java.lang.String cannot be cast to class javax.json.JsonObject",
    "Failed to load schema: ENOENT: no such file or directory, open '/home/node/lib/schemas/create.in.json'",
  ),
  ...text(
    "OUT_OF_MEMORY",
    "npm ERR! code ELIFECYCLE\nnpm ERR! errno 137\nnpm ERR! Exit status 137",
    "<--- Last few GCs --->\nFATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory",
  ),
  ...text(
    "MESSAGE_TOO_LARGE",
    "File size is 120000000 bytes, it violates the platform limit set to 104857600 bytes",
  ),
  ...text("MESSAGING_FAILURE", "IllegalOperationError: Channel closed"),
];

/** A second batch written after the first was fixed: 32 of 36 right before the last widening, the rest UNKNOWN. */
export const FRESH_CASES: readonly ClassifyCase[] = [
  ...text(
    "SYSTEM_DOWNTIME",
    "Error: connect EHOSTUNREACH 192.168.1.20:8080",
    "ESOCKETTIMEDOUT",
    "Error: Client network socket disconnected before secure TLS connection was established",
    "upstream connect error or disconnect/reset before headers. reset reason: connection failure",
    "The remote server returned an error: (502) Bad Gateway.",
    "HTTPError: Response code 504 (Gateway Timeout)",
    "timeout exceeded when trying to connect",
    "Connection terminated unexpectedly",
    "Error: El servidor no está disponible temporalmente (503)",
    "Сервер недоступний",
  ),
  ...text(
    "INVALID_CREDENTIALS",
    "Error: Unauthorized",
    "AxiosError: Request failed with status code 403",
    "OAuthException: Error validating access token: Session has expired on Friday, 20-Nov-26",
    "The provided refresh token is invalid or expired",
    "ORA-01017: invalid username/password; logon denied",
    "535 5.7.8 Authentication credentials invalid",
    "Fehler: Authentifizierung fehlgeschlagen",
    "Le serveur distant a retourné une erreur : (401) Non autorisé.",
  ),
  ...text(
    "RATE_LIMITED",
    "429 Client Error: Too Many Requests for url: https://api.github.com/repos",
    "You have exceeded the rate limit for this resource. Please wait 60 seconds.",
  ),
  ...text(
    "MAPPING",
    '"email" is not allowed to be empty',
    "Path `lastName` is required.",
    "Invalid date format for field 'closeDate': expected YYYY-MM-DD",
    "JSONata evaluation failed: T1006: Attempted to invoke a non-function",
  ),
  ...text(
    "ANSWER_STRUCTURE",
    "Unexpected token } in JSON at position 112",
    "Cannot read properties of undefined (reading 'results')",
    "TypeError: Cannot destructure property 'id' of 'response.data' as it is undefined.",
  ),
  ...text(
    "COMPONENT_ERROR",
    "ReferenceError: fetch is not defined",
    "Error [ERR_REQUIRE_ESM]: require() of ES Module /home/node/node_modules/node-fetch/src/index.js not supported.",
  ),
  ...text(
    "OUT_OF_MEMORY",
    "Error: ENOMEM: not enough memory, read",
    "Out of memory: Killed process 12 (node)",
  ),
  ...text("COMPONENT_FAILED_TO_START", "Error: Component container has failed to start"),
  ...text("MESSAGE_TOO_LARGE", "Request body larger than maxBodyLength limit"),
  ...text("MESSAGING_FAILURE", "Error: Unexpected connection close"),
  ...text("QUEUE_OVERFLOW", "Flow suspended due to queue overflow"),
  ...text("CONTRACT_SUSPENDED", "Your contract has been suspended"),
];

/** A third batch (SOAP faults, Graph and Google API bodies, SQL, mixed languages): 18 of 20 right before widening. */
export const LATER_CASES: readonly ClassifyCase[] = [
  ...text(
    "SYSTEM_DOWNTIME",
    "javax.xml.ws.WebServiceException: Could not send Message. java.net.SocketTimeoutException: connect timed out",
    "Error: Server returned 500 Internal Server Error",
    "Error: connect ECONNREFUSED ::1:3306",
    "Délai d'attente expiré lors de l'appel à https://erp.example.fr",
  ),
  ...text(
    "INVALID_CREDENTIALS",
    "<soap:Fault><faultcode>soap:Client</faultcode><faultstring>Invalid login credentials</faultstring></soap:Fault>",
    '{"error":{"code":"InvalidAuthenticationToken","message":"Access token has expired or is not yet valid."}}',
    'Error: 403 - {"message":"Resource not accessible by integration"}',
    "Zugriff verweigert (403)",
  ),
  ...text(
    "RATE_LIMITED",
    '{"error":{"code":429,"message":"Quota exceeded for quota metric \'Read requests\'","status":"RESOURCE_EXHAUSTED"}}',
    "Error: You have exceeded the maximum number of requests per hour",
  ),
  ...text(
    "MAPPING",
    '{"error":{"code":400,"message":"Invalid value at \'data.values\'","status":"INVALID_ARGUMENT"}}',
    "MALFORMED_QUERY: unexpected token: 'FROM'",
    "SQLSTATE[23000]: Integrity constraint violation: 1062 Duplicate entry 'a@b.c' for key 'email'",
  ),
  ...text("ANSWER_STRUCTURE", "Error: Unexpected response from server: expected object but received string"),
  ...text(
    "COMPONENT_ERROR",
    "TypeError: Cannot set properties of undefined (setting 'status')\n    at Object.process (/home/node/lib/actions/upsert.js:71:22)",
    "Error: Cannot find module '/home/node/lib/actions/createOrder.js'",
  ),
  ...text(
    "OUT_OF_MEMORY",
    "<--- JS stacktrace --->\nFATAL ERROR: CALL_AND_RETRY_LAST Allocation failed - JavaScript heap out of memory",
  ),
  ...text("MESSAGE_TOO_LARGE", "Error: Request failed with status code 413"),
  ...text("UNKNOWN", "Error: Operation completed with warnings, see details"),
];
