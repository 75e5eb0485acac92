// Real-looking errors per cause, from the platform catalogue (docs/elasticio-platform.md §2) and the texts public
// elastic.io components emit (sailor-nodejs, rest-api-component-v2, component-commons-library, Salesforce, SQL).
import type { Cause } from "../../taxonomy/taxonomy.js";
import type { ErrorContext, ErrorInput } from "../types.js";

/** One input and the cause it must get. */
export interface ClassifyCase {
  readonly cause: Cause;
  readonly input: ErrorInput;
}

const NODE_FRAMES = [
  "    at processTicksAndRejections (node:internal/process/task_queues:95:5)",
  "    at async TaskExec.process (/home/node/node_modules/elasticio-sailor-nodejs/lib/executor.js:42:13)",
].join("\n");

const limitedStop = (hoursAfterStart: number, extra: Partial<ErrorContext> = {}): ErrorContext => ({
  workspaceType: "limited",
  flowStatus: "inactive",
  lastStartTime: "2026-11-24T08:00:00.000Z",
  now: new Date(Date.parse("2026-11-24T08:00:00.000Z") + hoursAfterStart * 3_600_000).toISOString(),
  ...extra,
});

const queue = (total: number, extra: { bytes?: number; rebounds?: number } = {}) => ({
  stepId: "step_1",
  total,
  ready: total,
  unacked: 0,
  rebounds: extra.rebounds ?? 0,
  ...(extra.bytes === undefined ? {} : { bytes: extra.bytes }),
});

const text = (cause: Cause, ...messages: string[]): ClassifyCase[] =>
  messages.map((message) => ({ cause, input: { message } }));
const withInput = (cause: Cause, ...inputs: ErrorInput[]): ClassifyCase[] =>
  inputs.map((input) => ({ cause, input }));

const DOWNTIME: ClassifyCase[] = [
  ...text(
    "SYSTEM_DOWNTIME",
    "connect ECONNREFUSED 127.0.0.1:5432",
    "Error: getaddrinfo ENOTFOUND api.example-crm.com",
    "Timeout error! Waiting for response more than 60000 ms",
    "Error: socket hang up",
    "Request failed with status code 503",
    "Code: 504 Message: Gateway Timeout Body: <html><body><h1>504 Gateway Time-out</h1></body></html>",
    "java.net.SocketTimeoutException: Read timed out",
    `Error: read ECONNRESET\n    at TLSWrap.onStreamRead (node:internal/stream_base_commons:217:20)`,
    'Got error "Service Unavailable", status - "503", body: {"message":"The service is under maintenance"}',
    "Die Verbindung ist fehlgeschlagen: Zeitüberschreitung beim Warten auf eine Antwort",
    "Erreur : délai d'attente dépassé lors de la connexion au serveur",
    "Error: se agotó el tiempo de espera al conectar con el servidor",
    "Помилка: час очікування відповіді від сервера вичерпано",
    "HTTP/1.1 502 Bad Gateway",
    "timeout of 30000ms exceeded",
  ),
  ...withInput("SYSTEM_DOWNTIME", { message: "Request failed", statusCode: 502 }),
];

const CREDENTIALS: ClassifyCase[] = [
  ...text(
    "INVALID_CREDENTIALS",
    'Error: Code: 401 Message: Unauthorized Body: {"error":"Unauthorized"}',
    'Got error "Forbidden", status - "403", body: {"errors":[{"code":"FORBIDDEN"}]}',
    '{"error":"invalid_grant","error_description":"Token has been expired or revoked."}',
    "Failed to fetch and/or refresh token, number of retries exceeded",
    "io.elastic.api.InvalidCredentialsException: Failed to verify credentials",
    'error: password authentication failed for user "integration"',
    "ER_ACCESS_DENIED_ERROR: Access denied for user 'eio'@'10.0.0.12' (using password: YES)",
    "INVALID_SESSION_ID: Session expired or invalid",
    "Invalid username or secret provided",
    "Anmeldung fehlgeschlagen: Zugriff verweigert",
    "Erreur lors de l'appel : accès refusé",
    "Помилка автентифікації: доступ заборонено",
    "Error: Request failed with status code 401",
  ),
  ...withInput("INVALID_CREDENTIALS", {
    message: "Verification failed",
    context: { credentialVerification: { verified: false, reason: "401 Unauthorized" } },
  }),
];

const RATE: ClassifyCase[] = [
  ...text(
    "RATE_LIMITED",
    'Code: 429 Message: Too Many Requests Body: {"message":"API rate limit exceeded"}',
    "Request failed with status code 429",
    "REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.",
    '{"statusCode":429,"error":"Too Many Requests","message":"Rate limit reached. Retry after 30 seconds"}',
    "ThrottlingException: Rate exceeded",
    "Exceeded 2 calls per second for api client. Reduce request rates to resume uninterrupted service.",
    "Zu viele Anfragen. Bitte versuchen Sie es später erneut.",
    "userRateLimitExceeded: User Rate Limit Exceeded",
  ),
  ...withInput("RATE_LIMITED", { message: "Request failed", statusCode: 429, componentName: "REST API" }),
];

const MAPPING: ClassifyCase[] = text(
  "MAPPING",
  'T2002: The right side of the "+" operator must evaluate to a number',
  '{"code":"D3030","position":12,"token":"$number","value":"abc","message":"Unable to cast value to a number"}',
  'S0201: Syntax error: "}"',
  "URL is required",
  'Code: 422 Message: Unprocessable Entity Body: {"errors":{"email":["must be a valid email"]}}',
  'Code: 400 Message: Bad Request Body: {"error":"Field \'Name\' is required"}',
  "REQUIRED_FIELD_MISSING: Required fields are missing: [LastName]",
  "Request failed with status code 404",
  'Got error "Conflict", status - "409", body: {"message":"A contact with this email already exists"}',
  'ValidationError: "quantity" must be a number',
  "Das Feld 'Kundennummer' ist erforderlich",
);

const ANSWER: ClassifyCase[] = text(
  "ANSWER_STRUCTURE",
  "Unexpected token < in JSON at position 0",
  `SyntaxError: Unexpected token '<', "<!DOCTYPE "... is not valid JSON`,
  "SyntaxError: Unexpected end of JSON input",
  "TypeError: Cannot read properties of undefined (reading 'data')",
  "TypeError: Cannot read property 'body' of undefined",
  "invalid json response body at https://api.example.com/v1/orders reason: Unexpected token < in JSON at position 0",
  "com.fasterxml.jackson.core.JsonParseException: Unexpected character ('<' (code 60)): expected a valid value",
  "Expected an array of records but got object",
  "TypeError: response.items is not iterable",
  "Response does not match the expected schema: missing property 'id'",
);

const REBOUND: ClassifyCase[] = [
  ...text(
    "REBOUND_EXHAUSTED",
    "Rebound limit exceeded",
    `Error: Rebound limit exceeded\n    at AmqpCommunicationLayer.sendRebound (/home/node/node_modules/elasticio-sailor-nodejs/lib/amqp.js:312:25)`,
    "Rebound limit exceeded. Last rebound reason: connect ECONNREFUSED 10.1.2.3:443",
    "Message rejected: rebound limit reached after 10 attempts (Service Unavailable)",
    "java.lang.RuntimeException: Rebound limit exceeded",
    "Maximum number of rebounds exceeded for message 3f2a9c1e-7d4b-4e7a-9f0e-2b1c3d4e5f60",
  ),
  ...withInput(
    "REBOUND_EXHAUSTED",
    { message: "Rebound limit exceeded", statusCode: 503 },
    { message: "", context: { queueStats: queue(3, { rebounds: 12 }) } },
  ),
];

const COMPONENT: ClassifyCase[] = [
  ...text(
    "COMPONENT_ERROR",
    "Configuration error: Method is required",
    'Trigger or action "upsertObject" is not found in component.json!',
    "Process function is not found",
    "Error: Cannot find module 'lodash'\nRequire stack:\n- /home/node/lib/actions/upsert.js",
    `TypeError: this.client.query is not a function\n    at Object.process (/home/node/lib/actions/query.js:42:31)\n${NODE_FRAMES}`,
    "ReferenceError: sfConnection is not defined\n    at processAction (/home/node/lib/actions/lookup.js:18:3)",
    "Missing environment variable API_BASE_URL",
    "RangeError: Maximum call stack size exceeded",
    "java.lang.NullPointerException\n\tat io.elastic.sailor.impl.MessageProcessorImpl.processMessage(MessageProcessorImpl.java:61)\n\tat com.acme.actions.UpsertAction.execute(UpsertAction.java:37)",
    "Failed to load component.json",
  ),
  ...withInput("COMPONENT_ERROR", {
    message: "TypeError: Cannot read properties of undefined (reading 'toLowerCase')",
    stack: `TypeError: Cannot read properties of undefined (reading 'toLowerCase')\n    at formatName (/home/node/lib/utils/format.js:12:19)\n    at Object.process (/home/node/lib/actions/create.js:30:5)\n${NODE_FRAMES}`,
  }),
];

const FAILED_TO_START: ClassifyCase[] = [
  ...text(
    "COMPONENT_FAILED_TO_START",
    "Component failed to start",
    "Container failed to start",
    "Component container has failed to start",
    "Back-off restarting failed container step-2 in pod flow-5f1b2c3d-step-2-7c9d",
    "CrashLoopBackOff",
    "ImagePullBackOff: failed to pull image elasticio/rest-api-component-v2",
  ),
  ...withInput(
    "COMPONENT_FAILED_TO_START",
    { message: "", context: { containerExit: { state: "Failed", exitCode: 1, reason: "Error" } } },
    { message: "Component failed to start", context: { containerExit: { state: "Killed", exitCode: 1 } } },
  ),
];

const MEMORY: ClassifyCase[] = [
  ...text(
    "OUT_OF_MEMORY",
    "Component run out of memory and terminated",
    "OOMKilled",
    "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
    "Container exited with code 137",
    "java.lang.OutOfMemoryError: Java heap space",
  ),
  ...withInput(
    "OUT_OF_MEMORY",
    { message: "Component failed to start", context: { containerExit: { state: "Killed", exitCode: 137 } } },
    { message: "", context: { containerExit: { state: "Failed", reason: "OOMKilled" } } },
    {
      message: "connect ECONNRESET 10.0.0.4:443",
      context: { containerExit: { state: "Killed", exitCode: 137 } },
    },
  ),
];

const TOO_LARGE: ClassifyCase[] = [
  ...text(
    "MESSAGE_TOO_LARGE",
    "Outgoing message size 15728640 exceeds limit of 10485760.",
    "413 - Request Entity Too Large",
    "Code: 413 Message: Payload Too Large",
    "PayloadTooLargeError: request entity too large",
    "Lightweight message/passthrough body upload error",
    "Failed to get message body with id=64f0c3a2e4b0a1b2c3d4e5f6",
    "maxContentLength size of 10485760 exceeded",
  ),
  ...withInput("MESSAGE_TOO_LARGE", {
    message: "Request failed",
    statusCode: 413,
    context: { webhook: true },
  }),
];

const QUEUE: ClassifyCase[] = [
  ...text(
    "QUEUE_OVERFLOW",
    "Flow 5f1b2c3d4e5f6a7b8c9d0e1f My CRM sync has been suspended due to queue overflow",
    "Message was rejected: queue is full (reject-publish)",
    "429 Too Many Requests: the first step's queue overflowed",
  ),
  ...withInput(
    "QUEUE_OVERFLOW",
    { message: "", context: { queueStats: queue(75_000) } },
    { message: "", context: { flowStatus: "suspended", queueStats: queue(61_000) } },
    {
      message: "Code: 429 Message: Too Many Requests",
      context: { webhook: true, queueStats: queue(75_000) },
    },
    { message: "", context: { queueStats: queue(1_000, { bytes: 210 * 1024 * 1024 }) } },
    { message: "", context: { flowCurrentStatus: "suspended", queueStats: queue(62_000) } },
  ),
];

const SUSPENDED: ClassifyCase[] = [
  ...text(
    "FLOW_SUSPENDED",
    "Flow 5f1b2c3d4e5f6a7b8c9d0e1f has been suspended",
    "The flow is suspended. Resume it to continue processing.",
    "Task 'Orders' was suspended by the user",
    "Retry is not possible while the flow is suspended",
  ),
  ...withInput(
    "FLOW_SUSPENDED",
    { message: "", context: { flowStatus: "suspended" } },
    { message: "", context: { flowStatus: "active", flowCurrentStatus: "suspended" } },
    { message: "Timeout", context: { flowStatus: "suspended" } },
    { message: "", context: { flowStatus: "suspended", queueStats: queue(10) } },
  ),
];

const LIMITED: ClassifyCase[] = [
  ...text(
    "LIMITED_WORKSPACE_STOPPED",
    "Flow stopped: flows in limited workspaces are stopped after 8 hours",
    "Your flow in the limited workspace Dev was stopped",
    "The platform stopped flow Orders because it ran 8 hours in a limited workspace",
  ),
  ...withInput(
    "LIMITED_WORKSPACE_STOPPED",
    { message: "", context: limitedStop(8.08) },
    { message: "", context: limitedStop(7.8) },
    { message: "", context: limitedStop(30, { flowStatus: "active", flowCurrentStatus: "inactive" }) },
    { message: "Flow is not running", context: limitedStop(8) },
    { message: "", context: limitedStop(12) },
  ),
];

const CONTRACT: ClassifyCase[] = [
  ...text(
    "CONTRACT_SUSPENDED",
    "This contract has been suspended. Please, contact the support team for more information.",
    "Cannot start flow: contract is suspended",
    'Error: Code: 409 Message: Conflict Body: {"errors":[{"detail":"This contract has been suspended"}]}',
  ),
  ...withInput(
    "CONTRACT_SUSPENDED",
    { message: "", context: { contractStatus: "suspended" } },
    { message: "", context: { contractStatus: "suspending" } },
    { message: "Code: 403 Message: Forbidden", context: { contractStatus: "suspended" } },
    { message: "", context: { ...limitedStop(9), contractStatus: "suspended" } },
    {
      message: "Request failed with status code 403",
      statusCode: 403,
      context: { contractStatus: "suspended" },
    },
  ),
];

const QUOTA: ClassifyCase[] = [
  ...text(
    "QUOTA_EXCEEDED",
    "Resource usage for contract ACME message count has exceeded 100% of your quota",
    "Resource usage for workspace Dev message count has exceeded 80% of your quota",
    "Webhook requests per minute limit reached: 429 Too Many Requests",
    "Rate limit for emitting messages per second exceeded",
    "per_contract_message_count_limit exceeded for contract 5f1b2c3d4e5f6a7b8c9d0e1f",
    "Quota exceeded: the contract's message-count quota is used up",
  ),
  ...withInput(
    "QUOTA_EXCEEDED",
    { message: "429 Too Many Requests", context: { webhook: true } },
    { message: "Code: 429 Message: Too Many Requests", componentName: "Webhook" },
  ),
];

const MESSAGING: ClassifyCase[] = text(
  "MESSAGING_FAILURE",
  "AMQP read Connection error",
  "Unexpected connection close.",
  "Consumer channel error",
  "Failed on publishing 6f1c2e0a-5b7d-4c1e-9a2b-3c4d5e6f7a8b message to MQ: Channel closed",
  "TypeError: Cannot read property 'publish' of undefined",
  "TypeError: Cannot read properties of undefined (reading 'publish')\n    at AmqpCommunicationLayer.sendData (/home/node/node_modules/elasticio-sailor-nodejs/lib/amqp.js:245:37)",
  "Error: Connection closed: 320 (CONNECTION-FORCED) with reason 'CONNECTION_FORCED - broker forced connection closure'",
  "Channel ended, no reply will be forthcoming",
);

const UNKNOWN: ClassifyCase[] = [
  ...text(
    "UNKNOWN",
    "",
    "Something went wrong",
    "Error",
    "Processing finished with 3 warnings",
    "Order 401 processed, id 5f401a2b3c4d5e6f7a8b9c0d",
    "[object Object]",
    "Fehler beim Verarbeiten des Datensatzes",
    "Record 403 in /api/v2/orders/403 was skipped",
    "[2026-11-24T10:00:00.401Z] processing 500 records took 503 ms",
  ),
  ...withInput("UNKNOWN", { message: "", context: { flowStatus: "active", workspaceType: "full" } }),
];

/** Families of texts known from the systems components talk to, one case each. */
const KNOWN_FAMILIES: ClassifyCase[] = [
  ...text(
    "MESSAGE_TOO_LARGE",
    "Response too large to return. Consider specifying a destination table in your job configuration.",
    "ValidationException: Item size has exceeded the maximum allowed size",
    "org.apache.kafka.common.errors.RecordTooLargeException: The message is 2097152 bytes when serialized",
    "AxiosError: maxContentLength size exceeded (ERR_FR_MAX_CONTENT_LENGTH_EXCEEDED)",
    "The size of the file exceeds the allowed limit of 25 MB",
    "Error: Cannot create a string longer than 0x1fffffe8 characters",
    "ER_NET_PACKET_TOO_LARGE: Got a packet bigger than 'max_allowed_packet' bytes",
  ),
  ...text(
    "RATE_LIMITED",
    "Error: 8 RESOURCE_EXHAUSTED: Resource has been exhausted (e.g. check quota).",
    "The project's quota for this operation has been exceeded.",
    "ResponseError: Maximum credits exceeded",
  ),
  ...text(
    "INVALID_CREDENTIALS",
    '{"error":"Couldn\'t authenticate you"}',
    "HttpError: Resource not accessible by integration",
    'error: role "crm_reader" does not exist',
    "Error: Username is required for basic auth",
    'FATAL: пользователь "sync" не прошёл проверку подлинности (по паролю)',
    '{"error":"insufficient_scope","error_description":"The request requires higher privileges"}',
  ),
  ...text(
    "SYSTEM_DOWNTIME",
    "ssh: Could not resolve hostname sftp.partner.example: Name or service not known",
    "ORA-12541: TNS:no listener",
    "Error: NJS-500: connection to the Oracle Database was broken",
    "Error: Invalid greeting. response=554 mx01.partner.example ESMTP not accepting messages",
    "Salesforce respond with 503",
    "no healthy upstream",
  ),
  ...text(
    "ANSWER_STRUCTURE",
    'Could not find properties by following path: "body.orderLines"!',
    "Response is not a valid JSON",
    'com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException: Unrecognized field "customerId" (class com.acme.Order), not marked as ignorable',
    "json: cannot unmarshal string into Go struct field Order.total of type float64",
    "AttributeError: 'NoneType' object has no attribute 'get'",
    "KeyError: 'results'",
  ),
  ...text(
    "MAPPING",
    '{"errors":{"email":["has already been taken"]}}',
    "Invalid integer: 12.50",
    "Cannot convert value 'abc' to type Int32",
    "Date format is incorrect, expected YYYY-MM-DD",
  ),
  ...text(
    "COMPONENT_ERROR",
    "Error: secretId not provided, can't fetch secret",
    "Unexpected emit behaviour: fetchPage",
    "SyntaxError: Unexpected token 'export'\n    at internalCompileFunction (node:internal/vm:76:18)\n    at wrapSafe (node:internal/modules/cjs/loader:1283:20)",
    "Error: Invalid configuration: missing 'baseUrl'",
    "Error: Unknown action: upsertObject",
  ),
  ...text(
    "SYSTEM_DOWNTIME",
    "We are down for maintenance. We'll be back shortly.",
    "urllib3.exceptions.MaxRetryError: (Caused by ResponseError('too many 503 error responses'))",
    "ORA-12514: TNS:listener does not currently know of service requested in connect descriptor",
    "SocketError: other side closed",
    "Error: Client is closed because Server closed connection unexpectedly.",
    "io.elastic.sailor.UnexpectedStatusCodeException: Got 502 response",
  ),
  ...text(
    "INVALID_CREDENTIALS",
    "SecLib::CheckPrivilege failed. User: 7f2c, PrivilegeName: prvReadAccount",
    "<platformCore:code>INSUFFICIENT_PERMISSION</platformCore:code>",
    '{"ok":false,"error":"missing_scope","needed":"files:write"}',
    '{"errorCode":"API_DISABLED_FOR_ORG","message":"API is not enabled for this Organization or Partner"}',
    '"Username" or "Password" is missing in the credentials section',
    '{"channel":"/meta/handshake","error":"401::Authentication invalid","successful":false}',
  ),
  ...text(
    "RATE_LIMITED",
    "ER_USER_LIMIT_REACHED: User 'sync' has exceeded the 'max_user_connections' resource (current value: 10)",
  ),
  ...text(
    "OUT_OF_MEMORY",
    "Evicted: The node was low on resource: memory. Container sync was using 2097152Ki, which exceeds its request of 0.",
  ),
  ...text(
    "COMPONENT_FAILED_TO_START",
    "Evicted: The node was low on resource: ephemeral-storage.",
    "step-2-7f9c   0/1   CreateContainerConfigError   0   40s",
    'MountVolume.SetUp failed for volume "secrets" : secret "step-secrets" not found',
    "0/3 nodes are available: 3 Insufficient cpu. Reason: Unschedulable; no nodes are available that match all of the predicates",
    "Back-off restarting failed container: CrashLoopBackOff",
  ),
  ...text(
    "LIMITED_WORKSPACE_STOPPED",
    "Flows in this workspace have a limited operational time and are stopped periodically.",
  ),
  ...text(
    "FLOW_SUSPENDED",
    "In order to retry flow needs to be active",
    'Flow "Orders to ERP" has been stopped by John Doe',
  ),
  ...text(
    "COMPONENT_ERROR",
    "java.sql.SQLException: Unable to load class: org.postgresql.Driver",
    "DPI-1047: Cannot locate a 64-bit Oracle Client library",
    "Error: Client has already been connected. You cannot reuse a client.",
    "ELASTICIO_API_KEY is not provided",
    "JwtNotProvidedError: Neither JWT token passed, nor JWT secret provided",
  ),
  ...text(
    "ANSWER_STRUCTURE",
    "Error: Unexpected root element of WSDL or include",
    "Encountered HTML Content when looking for http://schemas.xmlsoap.org/soap/envelope/:Envelope",
    "Element [HTML] could not be unmarshalled as is not known in this context",
    "zeep.exceptions.XMLParseError: Unexpected element 'Status', expected 'Code'",
    "SOAP Version was not resolved",
    "ERR : SyntaxError: Unexpected token <",
  ),
  ...text(
    "MAPPING",
    "ORA-01008: not all variables bound",
    'Error: NJS-097: no bind placeholder named ":CUSTOMER_ID" was found in the SQL text',
    "QUERY_TOO_COMPLICATED: Query is either selecting too many fields or the filter conditions are too complicated",
    "non ISO-8601 date formats are currently not supported: 15.03.2024",
  ),
  ...text(
    "MESSAGING_FAILURE",
    "pika.exceptions.StreamLostError: Stream connection lost: ConnectionResetError(104, 'Connection reset by peer')",
    "pika.exceptions.ConnectionClosedByBroker: (320, \"CONNECTION_FORCED - broker forced connection closure with reason 'shutdown'\")",
    "PhpAmqpLib\\Exception\\AMQPConnectionClosedException: Broken pipe or closed connection",
    "RabbitMQ.Client.Exceptions.BrokerUnreachableException: None of the specified endpoints were reachable",
    "org.springframework.amqp.AmqpConnectException: java.net.ConnectException: Connection refused",
    "Bunny::TCPConnectionFailedForAllHosts: could not establish TCP connection to any of the configured hosts",
    "consumer: Cannot connect to amqp://guest:**@rabbitmq:5672//: Connection to broker lost.",
    "Channel closed by server: 404 (NOT-FOUND) with message \"NOT_FOUND - no queue 'step_2:messages' in vhost '/'\"",
  ),
  ...text(
    "MESSAGE_TOO_LARGE",
    "FetchError: content size at https://files.example.com/export.csv over limit: 10485760",
    "ERROR: payload string too long\nCONTEXT: SQL statement \"SELECT pg_notify('orders', $1)\"",
    "Failed to read request. Exceeded max size limit of 10000000",
    '{"error":{"code":"BadRequest","message":"Maximum request length exceeded."}}',
    "Request Header Fields Too Large",
    "AmazonSQSException: MessageTooLong",
    "RestException: 413: The field file exceeds its maximum permitted size of 10485760 bytes",
    "Bad Message 414 reason: URI Too Long",
  ),
  ...text(
    "MESSAGING_FAILURE",
    "{ Error: connect ECONNREFUSED 127.0.0.1:5672 at Object.exports._errnoException (util.js:1018:11)",
    "Failed to connect to RabbitMQ: dial tcp [::1]:5672: getsockopt: connection refused exit status 1",
    "kombu.exceptions.OperationalError: [Errno 111] Connection refused",
    "PhpAmqpLib\\Exception\\AMQPTimeoutException: The connection timed out after 3 sec while awaiting incoming data",
    "pika.exceptions.AMQPHeartbeatTimeout: No activity or too many missed heartbeats in the last 60 seconds",
    "operation none caused a channel exception precondition_failed: delivery acknowledgement on channel 2 timed out. Timeout value used: 1800000 ms.",
    "memory resource limit alarm set on node rabbit@rmq-0. Publishers will be blocked until this alarm clears",
  ),
  ...text(
    "INVALID_CREDENTIALS",
    "RabbitMQ.Client.Exceptions.BrokerUnreachableException: None of the specified endpoints were reachable ---> RabbitMQ.Client.Exceptions.AuthenticationFailureException: ACCESS_REFUSED - Login was refused",
    "pika.exceptions.ProbableAccessDeniedError: Client was disconnected at a connection stage",
    "googleapiclient.errors.HttpError: Request had insufficient authentication scopes.",
    "ftplib.error_perm: 530 Login incorrect.",
    "java.lang.RuntimeException: Parameter 'refresh_token' is required",
    "Error: No refresh token is set.",
    'StatusCodeError: 400 - {"status":"BAD_REFRESH_TOKEN","message":"missing or unknown refresh token"}',
    "MongooseServerSelectionError: Could not connect to any servers in your MongoDB Atlas cluster. One common reason is that you're trying to access the database from an IP that isn't whitelisted.",
  ),
  ...text(
    "COMPONENT_ERROR",
    "Error: Channel closed by server: 406 (PRECONDITION-FAILED) with message \"PRECONDITION_FAILED - inequivalent arg 'durable' for queue 'orders' in vhost '/': received 'true' but current is 'false'\"",
    "AMQPQueueException: Server channel error: 406, message: PRECONDITION_FAILED - parameters for queue 'jobs' in vhost '/' not equivalent",
    '{"message":"Object reference not set to an instance of an object.","addDate":"2022-09-24"}',
    "NoMethodError: undefined method `each' for nil:NilClass",
    "OverwriteModelError: Cannot overwrite `Order` model once compiled.",
    'org.apache.kafka.common.config.ConfigException: Missing required configuration "topics" which has no default value.',
    "Error: Unexpected option: retries",
  ),
  ...text(
    "OUT_OF_MEMORY",
    "org.jkiss.dbeaver.model.exec.DBCException: GC overhead limit exceeded at org.jkiss.Foo.bar(Foo.java:854)",
    "Java heap space",
    "Script exceeded the memory limit of 512 MB",
    "WorkerLostError('Worker exited prematurely: signal 9 (SIGKILL).')",
    "MemoryError: Unable to allocate 3.2 GiB for an array with shape (20000, 20000)",
    "[1:0x5e1f0a0]    90218 ms: Mark-sweep 2047.1 (2083.3) -> 2046.4 (2083.8) MB, 1602.1 / 0.0 ms  (average mu = 0.1) allocation failure scavenge might not succeed",
  ),
  ...text(
    "COMPONENT_FAILED_TO_START",
    'Warning  Unhealthy  2m  kubelet  Liveness probe failed: Get "http://10.1.2.3:8080/healthz": dial tcp 10.1.2.3:8080: connect: connection refused',
    "Error response: pull access denied for acme/connector, repository does not exist or may require 'docker login'",
    "Error: listen EADDRINUSE: address already in use :::3000",
    "***************************\nAPPLICATION FAILED TO START\n***************************\nDescription:\nWeb server failed to start. Port 8080 was already in use.",
  ),
  ...text(
    "SYSTEM_DOWNTIME",
    "Error: 4 DEADLINE_EXCEEDED: Deadline exceeded",
    "Error: Polling time out. Job is not completed.",
    "EOFError: end of file reached",
    "<!DOCTYPE html><html><head><title>Offline for Maintenance</title></head><body>We are down</body></html>",
    "FATAL: terminating connection due to administrator command (SQLSTATE 57P01)",
  ),
  ...text(
    "RATE_LIMITED",
    "ServiceError: status = 400 Bad Request code = ProvisionedThroughputExceeded message = The level of configured provisioned throughput for the table was exceeded.",
    "urllib.error.HTTPError: HTTP Error 503: Slow Down",
    "Twitter error: Invalid Status code 420",
  ),
  ...text(
    "MESSAGE_TOO_LARGE",
    "Error: 8 RESOURCE_EXHAUSTED: Received message larger than max (5000000 vs 4194304)",
    "<html><head><title>400 Request Header Or Cookie Too Large</title></head></html>",
    "org.springframework.web.multipart.MaxUploadSizeExceededException: Maximum upload size exceeded",
    "GaxiosError: Response's `Content-Length` is over the limit.",
  ),
  ...text(
    "ANSWER_STRUCTURE",
    "aiohttp.client_exceptions.ContentTypeError: 200, message='Attempt to decode JSON with unexpected mimetype: text/html', url='https://api.example.com/v1/items'",
    "HttpClientException: JSON ERROR: Syntax error in /var/www/vendor/HttpClient.php:378",
    "Error: The mediaType text/html is not supported by ObjectSerializer.parse.",
  ),
  ...text(
    "MAPPING",
    "[{'Message': 'Stale Object Error', 'Detail': 'Stale Object Error : You and API were working on this at the same time.', 'code': '5010'}]",
    'VersionError: No matching document found for id "64f1c2a9e3b5a2d4c8e91f07" version 3',
    "dlt.common.schema.exceptions.CannotCoerceColumnException: Cannot coerce type `text` to `bigint` for value `N/A`",
  ),
  ...text(
    "ANSWER_STRUCTURE",
    "System.Text.Json.JsonException: '<' is an invalid start of a value. Path: $ | LineNumber: 0 | BytePositionInLine: 0.",
    "json: invalid character '<' looking for beginning of value",
    "json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)",
    "[error] [output:http:http.0] could not parse JSON response from https://logs.example.com",
    "FatalAPIError: Response body must be a JSON object",
    "AirflowException: No job_id present in response",
    "Error: Missing access_token in the response",
    "The page could not be deserialized",
  ),
  ...text(
    "MESSAGING_FAILURE",
    "Connection to rabbitmq.internal:5672 refused",
    "MassTransit.RabbitMqTransport.RabbitMqConnectionException: Connect failed: admin@mq:5672/",
    "Already closed: The AMQP operation was interrupted: AMQP close-reason, initiated by Peer, code=320",
    'failed to publish: Exception (504) Reason: "channel/connection is not open"',
    "operation basic.publish caused a channel exception not_found: no exchange 'events' in vhost '/'",
    "Received negative acknowledgement from broker for delivery tag 17",
  ),
  ...text(
    "OUT_OF_MEMORY",
    "heroku[web.1]: Error R14 (Memory quota exceeded)",
    "heroku[web.1]: Error R15 (Memory quota vastly exceeded)",
    "Error: Runtime exited with error: signal: killed Runtime.ExitError",
    "Task exited with return code Negsignal.SIGKILL",
  ),
  ...text(
    "COMPONENT_FAILED_TO_START",
    "Error: Pod never started: job sync-orders-7d9f",
    "PodLaunchTimeoutException: Pod did not leave 'Pending' phase within specified timeout",
    "Status: Failed Reason: Evicted Message: The node had condition: [DiskPressure].",
    'OCI runtime create failed: exec: "node": executable file not found in $PATH: unknown',
  ),
  ...text(
    "INVALID_CREDENTIALS",
    '{"text":"Invalid HEC token","code":4}',
    '[warn]: #0 Shared key mismatch address="10.1.2.3"',
    'Status { code: PermissionDenied, message: "Request unauthorized." }',
    "ValueError: client_id and client_secret are required",
  ),
  ...text(
    "SYSTEM_DOWNTIME",
    "com.stripe.exception.ApiConnectionException: IOException during API request to Stripe",
    "ReplyError: OOM command not allowed when used memory > 'maxmemory'.",
  ),
  ...text("RATE_LIMITED", "rpc error: code = ResourceExhausted desc = request exceeded available capacity"),
  ...text(
    "MESSAGE_TOO_LARGE",
    "rpc error: code = ResourceExhausted desc = grpc: received message larger than max (74000087 vs. 4194304)",
    "An error occurred (RequestEntityTooLargeException) when calling the Invoke operation",
    "Request must be smaller than 6291456 bytes for the InvokeFunction operation",
    "Unable to process the request: maxContentLength: 10485760, contentLength: 23500850",
  ),
  ...text(
    "MAPPING",
    "MISSING_ARGUMENT: Id not specified in an update call",
    "MALFORMED_QUERY: unexpected token: 'FROM'",
    "Timestamp '2024-13-45' is not recognized",
    "ValidationException: The provided key element does not match the schema",
    "BigQueryException: Provided Schema does not match Table proj:ds.orders",
    "[WARN ][logstash.outputs.elasticsearch] Could not index event to Elasticsearch. {:status=>400}",
  ),
  ...text(
    "COMPONENT_ERROR",
    "[engine] caught signal (SIGSEGV)",
    "Segmentation fault (core dumped)",
    "thread 'main' panicked at 'called `Option::unwrap()` on a `None` value', src/main.rs:10:5",
    "System.IO.FileNotFoundException: Could not load file or assembly 'Newtonsoft.Json, Version=13.0.0.0'",
    "System.ObjectDisposedException: Cannot access a disposed object. Object name: 'System.Net.Http.HttpClient'.",
    "com.amazonaws.SdkClientException: Unable to execute HTTP request: Timeout waiting for connection from pool",
    "curl error 77: error setting certificate verify locations: CAfile: /etc/ssl/certs/ca-certificates.crt",
    "TypeError [ERR_INVALID_URL]: Invalid URL: undefined/api/v1/orders",
    "Error: getaddrinfo ENOTFOUND undefined",
  ),
  ...text(
    "COMPONENT_FAILED_TO_START",
    'heroku[router]: at=error code=H10 desc="App crashed" Error H10 (App crashed) -> GET app.herokuapp.com/ status=503',
    "Error R10 (Boot timeout) -> Web process failed to bind to $PORT within 60 seconds of launch",
    "INFO gave up: worker entered FATAL state, too many start retries too quickly",
    "INFO exited: web (exit status 2; not expected)",
    "supervisor: couldn't exec /srv/run.sh: ENOENT",
    "systemd[1]: sync.service: Main process exited, code=exited, status=203/EXEC",
    "Stopped reason: Essential container in task exited",
    "CannotPullContainerError: pull image manifest has been retried 5 time(s)",
    "connector_1 exited with code 1",
    "no main manifest attribute, in app.jar",
    "It was not possible to find any compatible framework version",
    "Target is unhealthy: Health checks failed with these codes: [502]",
  ),
  ...text(
    "OUT_OF_MEMORY",
    "process within container 4f1e died due to OOM",
    "[PM2][WORKER] Process 0 restarted because it exceeds --max-memory-restart value",
    "Server virtual memory limit (2147483648) reached.",
  ),
  ...text("MESSAGING_FAILURE", "Could not connect to the AMQP server. Please check the configuration."),
  ...text(
    "RATE_LIMITED",
    "Error response from daemon: toomanyrequests: You have reached your pull rate limit.",
    "451 4.7.500 Server busy. Please try again later.",
    "RequestRateTooLargeException: Request rate is large",
    "Only one request may be made against a session at a time",
  ),
  ...text(
    "SYSTEM_DOWNTIME",
    "504: GATEWAY_TIMEOUT Code: FUNCTION_INVOCATION_TIMEOUT",
    "StreamResetException: stream was reset: REFUSED_STREAM",
    "javax.mail.MessagingException: Unknown SMTP host: smtp.example.org",
    "TypeError: fetch failed",
    "There has been an error processing your request. Exception printing is disabled by default for security reasons.",
    "could not find a good candidate within 40 attempts at load balancing",
  ),
  ...text(
    "INVALID_CREDENTIALS",
    'NpgsqlException: "md5" authentication method is not allowed',
    "No password has been provided but the backend requires one (in MD5)",
    "Private key provided is invalid or not supported",
    "KMS access was denied. Please check the function's KMS key settings.",
    "The account sign-in was incorrect or your account is disabled temporarily.",
    "<h1>Sorry, you have been blocked</h1>",
  ),
  ...text(
    "MESSAGE_TOO_LARGE",
    "States.DataLimitExceeded: The state returned a result with a size exceeding the maximum number of bytes",
    "DataBufferLimitException: Exceeded limit on max bytes to buffer : 262144",
    "Maximum size for a query result has been exceeded.",
  ),
  ...text(
    "ANSWER_STRUCTURE",
    "Fault: Invalid XML-RPC message",
    "Execution failed due to configuration error: Malformed Lambda proxy response",
    "org.apache.commons.net.MalformedServerReplyException: Could not parse response code.",
    "Pop3ProtocolException: Unexpected greeting from server",
    "java.sql.SQLException: Bad format for TIMESTAMP '0000-00-00 00:00:00' in column 3",
    "java.net.ProtocolException: HTTP 204 had non-zero Content-Length: 12",
    "ADBException: Unexpected subelement {urn:x}Status",
    "Error: error parsing HTTP 404 response body: invalid character 'p' after top-level value",
  ),
  ...text(
    "MAPPING",
    "InvalidRequestContentException: Could not parse request body into json",
    "SQLServerException: One or more values is out of range of values for the datetime SQL Server data type.",
    "ArgumentException: Cannot write DateTime with Kind=Local to PostgreSQL type 'timestamp with time zone'",
    "Writing values of type 'System.String' is not supported for parameter 'qty' having NpgsqlDbType 'Integer'.",
    "status code - 404 message - 'Resource not found for the segment \\'Orders\\''",
    "ValueError: Length of the 'name' is limited to 100",
  ),
  ...text(
    "COMPONENT_ERROR",
    "org.hibernate.LazyInitializationException: could not initialize proxy - no Session",
    "InvalidOperationException: A second operation was started on this context instance before a previous operation completed.",
    "JsonIOException: Failed making field 'java.util.Optional#value' accessible",
    "Runtime.MarshalError: Unable to marshal response: Object of type datetime is not JSON serializable",
    "SQLNonTransientConnectionException: Public Key Retrieval is not allowed",
    "ORA-01000: maximum open cursors exceeded",
    'java.lang.NullPointerException: Cannot invoke "String.length()" because "name" is null',
    'TypeError [ERR_INVALID_ARG_TYPE]: The "path" argument must be of type string. Received undefined',
    "TypeError: Client invoke() 2nd argument (parameters) must be an object",
  ),
  ...text(
    "RATE_LIMITED",
    "FATAL: sorry, too many clients already",
    "ReplyError: ERR max number of clients reached",
    "Throttling: Rate exceeded status code: 400",
    "450 4.7.1 Error: too much mail from 198.51.100.7",
    "421 4.7.1 Intrusion prevention active for [192.0.2.1]",
    "421 Sorry, there are already 10 users from 192.0.2.8 logged on.",
    "Error: ER_CON_COUNT_ERROR: Too many connections",
  ),
  ...text(
    "INVALID_CREDENTIALS",
    "com.svix.exceptions.WebhookVerificationException: No matching signature found",
    "psycopg2.OperationalError: fe_sendauth: no password supplied",
    'Exception (403) Reason: "username or password not allowed"',
    "paramiko.ssh_exception.BadAuthenticationType: Bad authentication type; allowed types: ['publickey']",
    "ssh: handshake failed: ssh: unable to authenticate, attempted methods [none password], no supported methods remain",
    "MessageRejected: Email address is not verified. The following identities failed the check",
    "450 4.7.25 Client host rejected: cannot find your hostname, [192.0.2.4]",
    "[SQL Server]用户 'etl' 登录失败。 (18456)",
  ),
  ...text(
    "SYSTEM_DOWNTIME",
    "aiohttp.client_exceptions.ServerDisconnectedError: Server disconnected",
    'pymysql.err.OperationalError: (2006, "MySQL server has gone away")',
    "paramiko.ssh_exception.SSHException: Server connection dropped:",
    "Error: No response from server",
    'status: Unknown, message: "transport error: connection error: broken pipe"',
    "kafka: client has run out of available brokers to talk to",
    "452 4.3.1 Insufficient system storage",
    "-ERR [SYS/TEMP] Temporary authentication failure.",
    "redis.exceptions.ReadOnlyError: You can't write against a read only replica.",
    "SyntaxError: Unexpected token < in JSON: <html><head><title>500 Internal Server Error</title></head></html>",
  ),
  ...text(
    "MESSAGE_TOO_LARGE",
    "Message length is more than 10485760 bytes long: '12078147'.",
    "Failed to buffer the request body: length limit exceeded",
  ),
  ...text(
    "MESSAGING_FAILURE",
    'Exception (501) Reason: "EOF"',
    "Connection-level error: NOT_ALLOWED - vhost /app not found",
    "Illegal close(320, \"Timeout while setting up AMQP to 'rabbitmq'\")",
    "Error connecting to RabbitMQ",
  ),
  ...text(
    "ANSWER_STRUCTURE",
    'sql: Scan error on column index 2, name "email": converting NULL to string is unsupported',
    'Error("missing field `id`", line: 1, column: 393)',
    "lxml.etree.XMLSyntaxError: Premature end of data in tag Envelope",
    "The XML returned by the server does not contain a valid Envelope root element. The root element found is html",
    "ParserException: Error parsing XML: String could not be parsed as XML",
    "Net::FTPProtoError: 227 Entering Passive Mode",
    "Can't parse PASV response: 227 OK",
    'InMessageError: [A54]: Found no "UNB" at the start of edifact file.',
  ),
  ...text(
    "MAPPING",
    'Operation cannot be fulfilled on deployments "web": the object has been modified; please apply your changes to the latest version and try again',
    "554 5.5.1 Error: no valid recipients",
    "553 5.6.7 Must declare SMTPUTF8 to send unicode address",
    'OutMessageError: [F50]: Characters not in character-set "UNOA": Ø',
    '[F05] Record "BGM" field "1004" too big (max 35)',
    "psycopg2.ProgrammingError: can't adapt type 'dict'",
  ),
  ...text(
    "COMPONENT_ERROR",
    "MissingRegion: could not find region configuration",
    "SSHException: Server 'sftp.example.com' not found in known_hosts",
    "[unixODBC][Driver Manager]Can't open lib 'ODBC Driver 18 for SQL Server' : file not found (0)",
    "thread 'main' panicked at 'there is no reactor running, must be called from the context of a Tokio 1.x runtime'",
    "unable to load in-cluster configuration, KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT must be defined",
    "RuntimeError: 'cryptography' package is required for sha256_password or caching_sha2_password auth methods",
    'sql: unknown driver "postgres" (forgotten import?)',
    "panic: assignment to entry in nil map",
    "panic: runtime error: invalid memory address or nil pointer dereference",
    "asyncpg.exceptions.InterfaceError: cannot perform operation: another operation is in progress",
    "sqlalchemy.exc.PendingRollbackError: This Session's transaction has been rolled back due to a previous exception",
    'ClientConfigurationError: invalid DSN: scheme is expected to be either "postgresql" or "postgres"',
    "sqlalchemy.exc.ObjectNotExecutableError: Not an executable object: 'SELECT 1'",
    "aiohttp.client_exceptions.ClientConnectorError: Cannot connect to host none:443 ssl:default",
  ),
  ...text("INVALID_CREDENTIALS", "535 5.7.8 Username and Password not accepted."),
  ...text(
    "INVALID_CREDENTIALS",
    "530 5.7.57 Client not authenticated to send mail. Error: 535 5.7.139 Authentication unsuccessful",
  ),
  ...text("MESSAGE_TOO_LARGE", "552 5.3.4 Message size exceeds fixed maximum message size"),
  ...text(
    "MAPPING",
    "550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in virtual mailbox table",
  ),
];

/** At least eight real-looking inputs for each of the 17 causes. */
export const CLASSIFY_CASES: readonly ClassifyCase[] = [
  ...DOWNTIME,
  ...CREDENTIALS,
  ...RATE,
  ...MAPPING,
  ...ANSWER,
  ...REBOUND,
  ...COMPONENT,
  ...FAILED_TO_START,
  ...MEMORY,
  ...TOO_LARGE,
  ...QUEUE,
  ...SUSPENDED,
  ...LIMITED,
  ...CONTRACT,
  ...QUOTA,
  ...MESSAGING,
  ...UNKNOWN,
  ...KNOWN_FAMILIES,
];
