export { createFlowdoctorClient } from "./client.js";
export type {
  CallOptions,
  Document,
  NodeOf,
  OperationMethod,
  PageWalker,
  VariablesArgs,
} from "./client-types.js";
export type {
  ClientErrorCode,
  FieldProblem,
  FlowdoctorErrorCode,
  FlowdoctorErrorDetails,
  GatewayErrorCode,
} from "./errors.js";
export {
  CLIENT_ERROR_CODES,
  FLOWDOCTOR_ERROR_CODES,
  FlowdoctorError,
  GATEWAY_ERROR_CODES,
  isFlowdoctorError,
} from "./errors.js";
export type { FlowdoctorClient } from "./flowdoctor-client.js";
export * from "./generated/index.js";
export type { FlowdoctorResult } from "./graphql/read-response.js";
export type { FlowdoctorSubscriptions, SubscribeOptions, Subscription } from "./live/subscriptions.js";
export type { FlowdoctorClientOptions } from "./options.js";
export type { Connection } from "./paginate.js";
export type { DispatcherLike, FetchFunction, FetchInit, FetchResponse } from "./transport/fetch-types.js";
