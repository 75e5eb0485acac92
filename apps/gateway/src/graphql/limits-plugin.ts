import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { type FragmentDefinitionNode, Kind } from "graphql";
import type { GatewayLimits } from "../config/config.js";
import { GatewayGraphQLError } from "../errors.js";
import { measureOperation } from "./measure-operation.js";

/**
 * Refuses an operation deeper or costlier than the limits, before any resolver runs, with
 * `QUERY_TOO_COMPLEX` and the measured figures beside the limits.
 */
export const createLimitsPlugin = (
  limits: Pick<GatewayLimits, "maxQueryDepth" | "maxQueryCost">,
): ApolloServerPlugin<BaseContext> => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ document, operation, request }) {
        const fragments = new Map<string, FragmentDefinitionNode>();
        for (const definition of document.definitions) {
          if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
        }
        if (!operation) return;
        const size = measureOperation(operation, fragments, request.variables ?? {});
        if (size.depth > limits.maxQueryDepth) {
          throw new GatewayGraphQLError(
            "QUERY_TOO_COMPLEX",
            `The query is ${size.depth} fields deep; the limit is ${limits.maxQueryDepth}. Split it or ask for fewer nested fields.`,
            { details: { depth: size.depth, maxDepth: limits.maxQueryDepth } },
          );
        }
        if (size.cost > limits.maxQueryCost) {
          throw new GatewayGraphQLError(
            "QUERY_TOO_COMPLEX",
            `The query's estimated cost is ${size.cost}; the limit is ${limits.maxQueryCost}. Ask for smaller pages (first) or fewer fields.`,
            { details: { cost: size.cost, maxCost: limits.maxQueryCost } },
          );
        }
      },
    };
  },
});
