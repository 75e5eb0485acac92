import type { CodegenConfig } from "@graphql-codegen/cli";
import { operationMetadata } from "./scripts/operation-metadata.ts";

/**
 * Generates `src/generated/` from the gateway's printed schema and the SDK's operation documents, each
 * document with its operation's metadata (`scripts/operation-metadata.ts`).
 * Run through `scripts/codegen.ts` (`pnpm codegen`), which adds the do-not-edit header and checks drift.
 */
const config: CodegenConfig = {
  schema: "../../apps/gateway/schema.graphql",
  documents: ["src/operations/*.graphql"],
  ignoreNoDocuments: false,
  generates: {
    "src/generated/": {
      preset: "client",
      presetConfig: {
        fragmentMasking: false,
        gqlTagName: "graphql",
        // Each operation document carries its name, type, variables and root fields as `__meta__`.
        onExecutableDocumentNode: operationMetadata,
      },
      config: {
        documentMode: "string",
        importExtension: ".js",
        useTypeImports: true,
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        scalars: { DateTimeISO: "string", JSON: "unknown" },
        strictScalars: true,
        skipTypename: true,
      },
    },
  },
};

export default config;
