import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// Bundles the offline playground (GraphiQL 5) into dist/playground; the gateway serves it at /playground.
export default defineConfig({
  root: fileURLToPath(new URL("./src/playground/app/", import.meta.url)),
  base: "/playground/",
  logLevel: "warn",
  build: {
    outDir: fileURLToPath(new URL("./dist/playground/", import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 8000,
    reportCompressedSize: false,
    rolldownOptions: {
      onwarn(warning, warn) {
        // GraphiQL's dependencies carry React "use client" directives, which mean nothing in a plain bundle.
        if (warning.code !== "MODULE_LEVEL_DIRECTIVE") warn(warning);
      },
    },
  },
});
