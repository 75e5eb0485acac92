import { GraphQLDateTimeISO, GraphQLJSON } from "graphql-scalars";

/** An ISO-8601 date-time string (graphql-scalars' `DateTimeISO`). */
export const DateTimeScalar = GraphQLDateTimeISO;
/** Any JSON value (graphql-scalars' `JSON`): mapper expressions, step fields. */
export const JsonScalar = GraphQLJSON;
