import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEFAULT_PLAYGROUND_DIR } from "../http/playground-files.js";
import { BUNDLE_BUDGET_BYTES, measureBundle } from "../testing/playground-bundle.js";

describe("the playground's bundle", () => {
  it("stays under 1.5 MB gzipped, GraphiQL and its workers included", () => {
    if (!existsSync(`${DEFAULT_PLAYGROUND_DIR}/index.html`))
      throw new Error("dist/playground is missing: run `pnpm --filter @flowdoctor/gateway build` first");
    const bundle = measureBundle(DEFAULT_PLAYGROUND_DIR);
    expect(bundle.total, bundle.files.map(([file, size]) => `${file} ${size}`).join("\n")).toBeLessThan(
      BUNDLE_BUDGET_BYTES,
    );
    // The first view (the console without GraphiQL) is a small part of it.
    expect(bundle.firstView).toBeLessThan(BUNDLE_BUDGET_BYTES / 10);
  });

  it("serves Monaco's language services from one worker script", () => {
    const workers = measureBundle(DEFAULT_PLAYGROUND_DIR).files.filter(([file]) => /worker/.test(file));
    expect(workers.map(([file]) => file)).toEqual([
      expect.stringMatching(/editor-services\.worker-[\w-]+\.js$/),
    ]);
  });
});
