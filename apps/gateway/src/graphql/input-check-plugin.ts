import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError } from "graphql";
import { findArgumentProblem } from "../schema/common/check-arguments.js";

/**
 * Refuses an operation with an argument no resolver should see (see `findArgumentProblem`) before any resolver
 * runs, so nothing is half-done: `BAD_USER_INPUT` with HTTP 400, `extensions.argument` naming the value's path.
 */
export const createInputCheckPlugin = (): ApolloServerPlugin<BaseContext> => ({
  async requestDidStart() {
    return {
      async didResolveOperation({ schema, document, operation, request }) {
        if (!operation) return;
        const problem = findArgumentProblem(schema, document, operation, request.variables ?? {});
        if (problem === undefined) return;
        throw new GraphQLError(`Argument ${problem.argument} of ${problem.field} ${problem.message}.`, {
          extensions: { code: "BAD_USER_INPUT", argument: problem.argument, http: { status: 400 } },
        });
      },
    };
  },
});
