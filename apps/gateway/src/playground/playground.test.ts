import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PLAYGROUND_DIR } from "../http/playground-files.js";
import { startTestGateway, type TestGateway } from "../testing/test-gateway.js";

const CHROMIUM = "/usr/bin/chromium";
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `playground browser test skipped: ${CHROMIUM} is absent (apt-get install -y chromium; .ci/run does)`,
  );
}
const screenshots = fileURLToPath(new URL("../../test-results/", import.meta.url));

/** Opens the playground and waits until GraphiQL has the schema and the first tab's query, so its buttons work. */
const openPlayground = async (page: Page, gateway: TestGateway): Promise<void> => {
  const schemaLoaded = page.waitForResponse(
    (response) =>
      response.url() === gateway.graphqlUrl && (response.request().postData() ?? "").includes("__schema"),
    { timeout: 45_000 },
  );
  await page.goto(gateway.playgroundUrl);
  await schemaLoaded;
  await waitForQuery(page, "query Gateway");
};

/** Waits until the query editor shows the given text (tabs switch their editor content asynchronously). */
const waitForQuery = async (page: Page, text: string): Promise<void> => {
  const editor = page.locator(".graphiql-query-editor");
  const content = async () => ((await editor.textContent()) ?? "").replace(/[\s\u00a0]+/g, " ");
  await expect.poll(content, { timeout: 45_000 }).toContain(text);
};

describe.skipIf(!hasChromium)("the playground in headless Chromium", () => {
  let gateway: TestGateway;
  let browser: Browser;
  beforeAll(async () => {
    if (!existsSync(`${DEFAULT_PLAYGROUND_DIR}/index.html`)) {
      throw new Error("dist/playground is missing: run `pnpm --filter @flowdoctor/gateway build` first");
    }
    gateway = await startTestGateway();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--no-first-run",
      ],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
  });

  it("opens, runs the first example and shows its result, with no request leaving the gateway", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const requested: string[] = [];
    page.on("request", (request) => requested.push(request.url()));
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(error.message));

    await openPlayground(page, gateway);
    await page.getByLabel("E-mail").fill("someone@example.com");
    await page.getByLabel("API key").fill("not-a-real-key");
    await page.locator(".graphiql-execute-button").click();
    const response = page.locator(".graphiql-response");
    // Monaco renders spaces as no-break spaces; compare on plain single spaces.
    const text = async () => ((await response.textContent()) ?? "").replace(/[\s\u00a0]+/g, " ");
    await expect.poll(text, { timeout: 45_000 }).toContain('"upstream": "EMULATOR"');

    await mkdir(screenshots, { recursive: true });
    await page.screenshot({ path: `${screenshots}playground.png` });
    const outside = requested.filter(
      (url) => !url.startsWith(gateway.url) && !url.startsWith("data:") && !url.startsWith("blob:"),
    );
    expect(outside).toEqual([]);
    expect(requested.some((url) => url === gateway.graphqlUrl)).toBe(true);
    expect(pageErrors).toEqual([]);
    await page.close();
  });

  it("logs in with a demo login and walks to the caller's contracts in the second tab", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openPlayground(page, gateway);
    await page.getByLabel("Demo login").selectOption({ label: "Alice Berger (alice@acme.example)" });
    await page.locator(".graphiql-tab", { hasText: "WhereAmI" }).click();
    await waitForQuery(page, "query WhereAmI");
    await page.locator(".graphiql-execute-button").click();
    const response = page.locator(".graphiql-response");
    const text = async () => ((await response.textContent()) ?? "").replace(/[\s\u00a0]+/g, " ");
    await expect.poll(text, { timeout: 45_000 }).toContain('"name": "Acme Retail GmbH"');
    await page.screenshot({ path: `${screenshots}playground-contracts.png` });
    await page.close();
  });

  it("walks from the error groups to the flow's steps and its diagnosis in the later tabs", async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await openPlayground(page, gateway);
    await page.getByLabel("Demo login").selectOption({ label: "Alice Berger (alice@acme.example)" });
    const response = page.locator(".graphiql-response");
    const text = async () => ((await response.textContent()) ?? "").replace(/[\s\u00a0]+/g, " ");
    for (const [tab, expected] of [
      ["ErrorGroups", '"classification": {'],
      ["LatestProblem", '"logs": ['],
      ["FlowSteps", '"steps": ['],
      ["Diagnose", '"verdict": {'],
    ] as const) {
      await page.locator(".graphiql-tab", { hasText: tab }).click();
      await waitForQuery(page, `query ${tab}`);
      await page.locator(".graphiql-execute-button").click();
      await expect.poll(text, { timeout: 45_000 }).toContain(expected);
      expect(await text()).not.toContain('"errors": [');
    }
    await page.screenshot({ path: `${screenshots}playground-steps.png` });
    await page.close();
  });

  it("sends the credentials from the form as an Authorization: Basic header", async () => {
    const page = await browser.newPage();
    await openPlayground(page, gateway);
    await page.getByLabel("E-mail").fill("ops@example.com");
    await page.getByLabel("API key").fill("k3y");
    const sent = page.waitForRequest(
      (request) => request.url() === gateway.graphqlUrl && request.method() === "POST",
    );
    await page.locator(".graphiql-execute-button").click();
    const request = await sent;
    expect(request.headers().authorization).toBe(
      `Basic ${Buffer.from("ops@example.com:k3y").toString("base64")}`,
    );
    await page.close();
  });
});
