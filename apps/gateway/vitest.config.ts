import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // graphql must be one module instance, or the schema "comes from another realm".
    alias: { graphql: fileURLToPath(new URL("./node_modules/graphql/index.js", import.meta.url)) },
  },
  test: {
    include: ["src/**/*.test.ts"],
    setupFiles: ["reflect-metadata"],
    testTimeout: 90_000,
    hookTimeout: 60_000,
  },
});
