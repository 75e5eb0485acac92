export * from "./changes/index.js";
export * from "./classify/index.js";
export * from "./diagnosis/index.js";
export type { CoreErrorCode } from "./errors.js";
export { CORE_ERROR_CODES, CoreError, isCoreError } from "./errors.js";
export * from "./grouping/index.js";
export * from "./health/index.js";
export * from "./log-file/index.js";
export type { ComponentCommand } from "./model/flow-graph.js";
export {
  edgeInto,
  errorHandlerStep,
  nextSteps,
  parseComponentCommand,
  previousStep,
  previousSteps,
  stepFieldsOf,
  stepsInExecutionOrder,
  triggerStep,
} from "./model/flow-graph.js";
export { PLATFORM_LIMITS, QUEUE_SUSPENSION_MESSAGES } from "./model/limits.js";
export type { LogEntry, LogLevelName, LogLevelNumber } from "./model/log-entry.js";
export { isErrorLevel, isLogLevelNumber, LOG_LEVELS, logLevelName } from "./model/log-entry.js";
export type {
  Component,
  ComponentAccess,
  ComponentLanguage,
  ComponentVersion,
  ContainerExit,
  Contract,
  ContractStatus,
  CredentialRef,
  CredentialVerification,
  DataSample,
  Flow,
  FlowEdge,
  FlowEdgeConfig,
  FlowGraph,
  FlowNode,
  FlowQueueStats,
  FlowStatus,
  FlowType,
  FlowVersion,
  IsoDateTime,
  NodeConfig,
  ObjectId,
  Sha,
  StepLogLevel,
  StepQueueStats,
  User,
  Workspace,
  WorkspaceType,
} from "./model/platform.js";
export * from "./redaction/index.js";
export * from "./root-causes/index.js";
export { createRandom } from "./seeded-random.js";
export type { Cause, CauseInfo, Level } from "./taxonomy/taxonomy.js";
export { CAUSE_INFO, CAUSES, isCause, isLevel, LEVELS } from "./taxonomy/taxonomy.js";
export * from "./tickets/index.js";
