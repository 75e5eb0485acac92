// The console's first view on the demo, in headless Chromium: from navigation until the demo logins are shown,
// with an empty cache (a new browser context each time) and with a warm one, beside the 1 s budget of #19.
import "reflect-metadata";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext } from "playwright-core";
import { DEFAULT_PLAYGROUND_DIR } from "../src/http/playground-files.js";
import { hasChromium, launchChromium } from "../src/testing/chromium.js";
import { startTestGateway } from "../src/testing/test-gateway.js";

const BUDGET_MS = 1000;
const RUNS = 7;

const median = (values: readonly number[]): number =>
  [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

const timeFirstView = async (context: BrowserContext, url: string): Promise<number> => {
  const page = await context.newPage();
  const started = performance.now();
  await page.goto(url);
  await page.getByRole("button", { name: /Alice Berger/ }).waitFor();
  const elapsed = performance.now() - started;
  await page.close();
  return elapsed;
};

const measure = async (browser: Browser, url: string): Promise<{ cold: number[]; warm: number[] }> => {
  const cold: number[] = [];
  const warm: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    cold.push(await timeFirstView(context, url));
    warm.push(await timeFirstView(context, url));
    await context.close();
  }
  return { cold, warm };
};

if (!hasChromium || !existsSync(join(DEFAULT_PLAYGROUND_DIR, "index.html"))) {
  console.log("needs /usr/bin/chromium and a built playground (`pnpm --filter @flowdoctor/gateway build`)");
} else {
  const dataDir = await mkdtemp(join(tmpdir(), "fd-first-view-"));
  const gateway = await startTestGateway({ DATA_DIR: dataDir });
  const browser = await launchChromium();
  try {
    await timeFirstView(await browser.newContext(), gateway.playgroundUrl);
    const { cold, warm } = await measure(browser, gateway.playgroundUrl);
    for (const [label, times] of [
      ["empty cache", cold],
      ["warm cache", warm],
    ] as const)
      console.log(
        `first view, ${label.padEnd(12)} median ${median(times).toFixed(0).padStart(5)} ms  worst ${Math.max(
          ...times,
        )
          .toFixed(0)
          .padStart(5)} ms  ${(median(times) / BUDGET_MS).toFixed(2)} × budget (${RUNS} runs)`,
      );
  } finally {
    await browser.close();
    await gateway.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}
