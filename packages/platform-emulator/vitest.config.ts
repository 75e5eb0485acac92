import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // The machine is shared; keep slow moments from failing real-HTTP tests.
    testTimeout: 20_000,
  },
});
