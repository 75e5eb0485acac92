import { lexicographicSortSchema, printSchema } from "graphql";
import { buildGatewaySchema } from "./build-gateway-schema.js";

/** The header of the committed schema file. */
export const SCHEMA_FILE_HEADER =
  "# The Flowdoctor gateway's GraphQL schema, printed from the code. Do not edit by hand:\n" +
  "# run `pnpm --filter @flowdoctor/gateway schema:print` after changing the schema.\n\n";

/** The schema as committed in `apps/gateway/schema.graphql`: sorted, with a do-not-edit header. */
export const printGatewaySchema = async (): Promise<string> =>
  `${SCHEMA_FILE_HEADER}${printSchema(lexicographicSortSchema(await buildGatewaySchema()))}\n`;
