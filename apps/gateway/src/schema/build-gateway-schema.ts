import type { GraphQLSchema } from "graphql";
import { buildSchema } from "type-graphql";
import { GatewayResolver } from "./gateway/gateway.resolver.js";

/** Every resolver class of the schema; the printed `schema.graphql` follows this list. */
export const RESOLVERS = [GatewayResolver] as const;

/** Builds the gateway's executable GraphQL schema from its type-graphql classes. */
export const buildGatewaySchema = async (): Promise<GraphQLSchema> =>
  buildSchema({ resolvers: [...RESOLVERS], validate: false });
