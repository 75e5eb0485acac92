// Re-prints the committed schema.graphql from the code: `pnpm --filter @flowdoctor/gateway schema:print`.
import "reflect-metadata";
import { writeFile } from "node:fs/promises";
import { printGatewaySchema } from "../src/schema/print-gateway-schema.js";

const target = new URL("../schema.graphql", import.meta.url);
await writeFile(target, await printGatewaySchema());
console.log(`wrote ${target.pathname}`);
