import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // CI runs every package's tests at once on two shared cores; PGlite and real SMTP/HTTP tests need headroom.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
