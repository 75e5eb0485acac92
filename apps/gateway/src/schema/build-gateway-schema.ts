import type { GraphQLSchema } from "graphql";
import { buildSchema, type PubSub } from "type-graphql";
import { AlertResolver } from "./alert/alert.resolver.js";
import { PageInfoResolver } from "./common/page-info.resolver.js";
import { ContractResolver } from "./contract/contract.resolver.js";
import { DiagnosisResolver } from "./diagnosis/diagnosis.resolver.js";
import { FlowDiagnosisResolver } from "./diagnosis/flow-diagnosis.resolver.js";
import { ClassifyResolver } from "./error/classify.resolver.js";
import { ErrorResolver } from "./error/error.resolver.js";
import { ErrorGroupResolver } from "./error/error-group.resolver.js";
import { FlowErrorResolver } from "./error/flow-error.resolver.js";
import { FlowResolver } from "./flow/flow.resolver.js";
import { FlowStepResolver } from "./flow/flow-step.resolver.js";
import { FlowHealthResolver } from "./flow-health/flow-health.resolver.js";
import { GatewayResolver } from "./gateway/gateway.resolver.js";
import { ErrorGroupTrendResolver } from "./inbox/error-group-trend.resolver.js";
import { InboxResolver } from "./inbox/inbox.resolver.js";
import { ErrorGroupEventsResolver } from "./live/error-group-events.resolver.js";
import { LogResolver } from "./log/log.resolver.js";
import { redactAnswers } from "./redact-answers.js";
import { RootCauseResolver } from "./root-cause/root-cause.resolver.js";
import { TicketResolver } from "./ticket/ticket.resolver.js";
import { TicketAttachmentResolver } from "./ticket/ticket-attachment.resolver.js";
import { TicketLogTextResolver } from "./ticket/ticket-log-text.resolver.js";
import { TicketOccurrenceResolver, TicketProblemResolver } from "./ticket/ticket-problem.resolver.js";
import { MeResolver } from "./user/me.resolver.js";
import { WorkspaceResolver } from "./workspace/workspace.resolver.js";

/** Every resolver class of the schema; the printed `schema.graphql` follows this list. */
export const RESOLVERS = [
  GatewayResolver,
  MeResolver,
  ContractResolver,
  WorkspaceResolver,
  FlowResolver,
  FlowStepResolver,
  DiagnosisResolver,
  FlowDiagnosisResolver,
  RootCauseResolver,
  FlowHealthResolver,
  ClassifyResolver,
  LogResolver,
  ErrorResolver,
  FlowErrorResolver,
  ErrorGroupResolver,
  InboxResolver,
  AlertResolver,
  ErrorGroupTrendResolver,
  ErrorGroupEventsResolver,
  PageInfoResolver,
  TicketResolver,
  TicketAttachmentResolver,
  TicketLogTextResolver,
  TicketProblemResolver,
  TicketOccurrenceResolver,
] as const;

/**
 * Builds the gateway's executable GraphQL schema from its type-graphql classes, with every text field's answer
 * redacted (`redactAnswers`).
 */
export const buildGatewaySchema = async (): Promise<GraphQLSchema> =>
  redactAnswers(
    describeRootTypes(await buildSchema({ resolvers: [...RESOLVERS], validate: false, pubSub: NO_PUB_SUB })),
  );

// type-graphql insists on a PubSub once there is a subscription; ours brings its own `subscribe` (the inbox's feed).
const NO_PUB_SUB: PubSub = {
  publish: () => {
    throw new Error("the gateway publishes no topics; subscriptions read the inbox's event feed");
  },
  subscribe: () => {
    throw new Error("the gateway has no topics; subscriptions read the inbox's event feed");
  },
};

// type-graphql has no option for the root types' descriptions.
const describeRootTypes = (schema: GraphQLSchema): GraphQLSchema => {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  if (query)
    query.description =
      "Read-only operations: the platform's hierarchy, flows, logs and errors, diagnoses and tickets.";
  const subscription = schema.getSubscriptionType();
  if (subscription)
    subscription.description =
      "Live updates over WebSocket (`graphql-transport-ws` at `/graphql`): error-group events as the inbox records them.";
  if (mutation)
    mutation.description =
      "Operations that write: error-group states, ticket drafts, their attachments and timeline, submission and delivery.";
  return schema;
};
