import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "accuracy/**/*.test.ts"],
    // CI runs every package's tests at once on two shared cores; property and real-HTTP tests need headroom.
    testTimeout: 30_000,
  },
});
