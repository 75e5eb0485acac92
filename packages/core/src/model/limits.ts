/** The platform's default limits (`docs/elasticio-platform.md` §3). Support can raise several per flow or contract. */
export const PLATFORM_LIMITS = {
  /** Messages per step queue. */
  queueMessages: 75_000,
  /** Bytes per step queue (200 MB). */
  queueBytes: 200 * 1024 * 1024,
  /** Share of a queue limit at which flows with an old runtime library are suspended. */
  suspensionThreshold: 0.8,
  /** Bytes in one outgoing message (10 MB). */
  outgoingMessageBytes: 10 * 1024 * 1024,
  /** Bytes above which a message body may travel as a lightweight message (1 MB). */
  lightweightThresholdBytes: 1024 * 1024,
  /** Bytes of a whole webhook request (10 MB); beyond it the platform answers 413. */
  webhookRequestBytes: 10 * 1024 * 1024,
  /** Error records kept per flow. */
  errorsKeptPerFlow: 1_000,
  /** Minutes the platform waits for a data sample. */
  sampleRetrievalMinutes: 1,
  /** Hours after which flows in limited workspaces are stopped. */
  limitedWorkspaceRunHours: 8,
  /** Memory per container, MB. */
  containerMemoryMb: 1_024,
  /** Practical maximum memory per container, MB. */
  containerMemoryMaxMb: 4_096,
  containerInfoTtlDays: 14,
  executionsTtlDays: 30,
  logsTtlDays: 14,
  inputMessagesTtlDays: 5,
  errorDetailsTtlDays: 30,
  /** Messages a component may emit per second. */
  emitRatePerSecond: 100,
  /** Webhook requests per contract per minute. */
  webhookRequestsPerMinute: 60,
  /** Largest snapshot, bytes (5 KB). */
  snapshotBytes: 5 * 1024,
  /** Data samples above this size (256 KB) are replaced by a schema. */
  sampleBytes: 256 * 1024,
  maxReplicas: 5,
  defaultPrefetch: 1,
  /** Total hits `GET /v2/logs` reports at most. */
  logsTotalCap: 10_000,
  /** Rebound attempts and first delay as documented (the Node sailor defaults to 20 and 15 s). */
  reboundAttempts: 10,
  reboundInitialDelaySeconds: 60,
  /** Container exit code of a process killed for memory (128 + SIGKILL). */
  oomExitCode: 137,
} as const;

/** The queue message count at which old runtime libraries get the flow suspended (60,000). */
export const QUEUE_SUSPENSION_MESSAGES = PLATFORM_LIMITS.queueMessages * PLATFORM_LIMITS.suspensionThreshold;
