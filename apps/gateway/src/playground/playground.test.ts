import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_PLAYGROUND_DIR } from "../http/playground-files.js";
import { CHROMIUM, hasChromium, launchChromium } from "../testing/chromium.js";
import { startTestGateway, type TestGateway } from "../testing/test-gateway.js";

if (!hasChromium) {
  console.warn(
    `console browser test skipped: ${CHROMIUM} is absent (apt-get install -y chromium; .ci/run does)`,
  );
}
const screenshots = fileURLToPath(new URL("../../test-results/console/", import.meta.url));
const WIDTHS = [1024, 1440] as const;
const WALK_MS = 120_000;

/** A page that records what a person would not see: requests leaving the gateway, console errors, page errors. */
interface WatchedPage {
  readonly page: Page;
  /** Every problem seen so far; a walk ends by expecting none. */
  readonly problems: () => string[];
  /** Bytes of every answer the gateway sent, gzipped as a server would send them. */
  readonly gzippedBytes: () => number;
}

/** Monaco renders spaces as no-break spaces; compare on plain single spaces. */
const plain = (text: string | null) => (text ?? "").replace(/[\s\u00a0]+/g, " ");

describe.skipIf(!hasChromium)("the troubleshooting console in headless Chromium", () => {
  let gateway: TestGateway;
  let browser: Browser;
  let dataDir: string;
  /** Filled by Alice's walk: the hash of the diagnosis she opened, which the others then try. */
  let aliceDiagnosis = "";

  const watch = async (width: number = WIDTHS[0]): Promise<WatchedPage> => {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    const problems: string[] = [];
    let gzipped = 0;
    page.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(gateway.url) && !url.startsWith("data:") && !url.startsWith("blob:"))
        problems.push(`outside request: ${url}`);
    });
    page.on("response", (response) => {
      response.body().then(
        (body) => {
          gzipped += gzipSync(body).length;
        },
        () => undefined,
      );
    });
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console error: ${message.text()}`);
    });
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    return { page, problems: () => [...problems], gzippedBytes: () => gzipped };
  };

  /** Saves the view at both widths, checking that the header stays on one row. */
  const shoot = async (page: Page, name: string): Promise<void> => {
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 });
      const header = await page.locator(".fd-header").boundingBox();
      expect(header?.height, `header at ${width} px`).toBeLessThan(60);
      const overflow = await page.evaluate<number>(
        "document.documentElement.scrollWidth - window.innerWidth",
      );
      expect(overflow, `${name} wider than ${width} px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `${screenshots}${name}-${width}.png`, fullPage: true });
    }
    await page.setViewportSize({ width: WIDTHS[0], height: 900 });
  };

  const signIn = async (page: Page, name: RegExp): Promise<void> => {
    await page.goto(gateway.playgroundUrl);
    await page.getByRole("button", { name }).click();
    await expect.poll(() => page.evaluate<string>("location.hash")).toContain("#/inbox");
  };

  /** Replaces a Monaco editor's whole text, as typed (no auto-closed brackets). */
  const typeInEditor = async (page: Page, editor: Locator, text: string): Promise<void> => {
    await editor.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.insertText(text);
  };

  /** Waits until a language service marks an error in the editor under `scope`. */
  const expectErrorMark = (page: Page, scope: string) =>
    expect
      .poll(() => page.locator(`${scope} .squiggly-error`).count(), { timeout: 30_000 })
      .toBeGreaterThan(0);

  const errorTexts = async (page: Page): Promise<string> =>
    plain(
      await page
        .locator(".fd-errors")
        .allTextContents()
        .then((texts) => texts.join(" | ")),
    );

  beforeAll(async () => {
    if (!existsSync(`${DEFAULT_PLAYGROUND_DIR}/index.html`)) {
      throw new Error("dist/playground is missing: run `pnpm --filter @flowdoctor/gateway build` first");
    }
    dataDir = await mkdtemp(join(tmpdir(), "flowdoctor-console-"));
    gateway = await startTestGateway({ DATA_DIR: dataDir, TICKET_DELIVERY: "mail-folder" });
    browser = await launchChromium();
    await mkdir(screenshots, { recursive: true });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await gateway?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it(
    "explains each demo login and renders the first view (timed for the report, not asserted)",
    async () => {
      const { page, problems, gzippedBytes } = await watch();
      const started = Date.now();
      await page.goto(gateway.playgroundUrl);
      await page.getByRole("button", { name: /Alice Berger/ }).waitFor();
      const firstViewMs = Date.now() - started;
      const paint = await page.evaluate<number>(
        'performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? -1',
      );
      console.info(
        `console first view: demo logins shown after ${firstViewMs} ms (first contentful paint ${Math.round(paint)} ms), ${(gzippedBytes() / 1024).toFixed(0)} kB gzipped loaded`,
      );
      const logins = plain(await page.getByRole("list", { name: "Demo logins" }).textContent());
      for (const role of [
        "Owner of Acme",
        "Guest in Acme Production",
        "Another tenant",
        "Integrator",
        "Tenant admin",
      ])
        expect(logins).toContain(role);
      await shoot(page, "login");
      expect(problems()).toEqual([]);
      await page.close();
    },
    WALK_MS,
  );

  it(
    "walks the guide as Alice: inbox, busiest group, diagnosis with the failing step, ticket drafted, completed, previewed, submitted and delivered",
    async () => {
      const { page, problems, gzippedBytes } = await watch();
      await signIn(page, /Alice Berger/);
      const rows = page.locator(".fd-table tbody tr");
      await rows.first().waitFor();
      await page.getByLabel("Sort").selectOption("busiest");
      await expect.poll(() => page.evaluate<string>("location.hash")).toContain("sort=busiest");
      const counts = (await page.locator(".fd-table tbody td.fd-num").allTextContents()).map((text) =>
        Number.parseInt(text, 10),
      );
      expect(counts.length).toBeGreaterThan(1);
      expect(counts).toEqual([...counts].sort((a, b) => b - a));
      await expect.poll(() => page.locator(".fd-spark rect").count()).toBeGreaterThan(0);
      await shoot(page, "inbox");

      await rows.first().getByRole("link").click();
      await page.locator(".fd-verdict").waitFor({ timeout: 60_000 });
      aliceDiagnosis = await page.evaluate<string>("location.hash");
      const failing = page.locator(".fd-step.fd-failing");
      await expect.poll(() => failing.count()).toBe(1);
      expect(await failing.getAttribute("aria-current")).toBe("step");
      expect(plain(await failing.textContent())).toContain("failing step");
      const findings = await page.locator(".fd-finding .fd-badge").allTextContents();
      expect(findings[0]).toBe("FAIL");
      expect(await page.locator(".fd-finding a", { hasText: "Documentation" }).count()).toBeGreaterThan(0);
      expect(await page.locator("meter").count()).toBeGreaterThan(0);
      await shoot(page, "diagnosis");
      await page.getByRole("button", { name: "Switch to dark theme" }).click();
      expect(await page.evaluate<string>("document.documentElement.dataset.theme")).toBe("dark");
      await shoot(page, "diagnosis-dark");
      await page.getByRole("button", { name: "Switch to light theme" }).click();

      await page.getByRole("button", { name: "Draft a support ticket" }).click();
      const checklist = page.getByRole("list", { name: "Still missing" });
      await checklist.waitFor({ timeout: 60_000 });
      expect(plain(await checklist.textContent())).toContain("isBlocker");
      await page.getByLabel("Does it block your work?").selectOption("true");
      await expect.poll(async () => plain(await checklist.textContent())).toContain("blockerImpact");
      await page.getByLabel("How it blocks your work").fill("New contacts stop reaching the CRM.");
      await page
        .getByLabel("Deadline (ISO 8601, e.g. 2027-01-31T17:00:00+01:00)")
        .fill(new Date(Date.now() + 14 * 86_400_000).toISOString());
      await page.locator(".fd-ok").waitFor();
      await shoot(page, "ticket");

      await page.getByRole("button", { name: "Preview as support receives it" }).click();
      const preview = page.getByRole("region", { name: "Preview as support receives it" });
      await preview.waitFor();
      const text = (await preview.locator(".fd-preview-text").textContent()) ?? "";
      expect(plain(await preview.textContent())).toMatch(/\[FD-\d+\]/);
      expect(await preview.locator("mark.fd-redacted").count()).toBe(text.split("[REDACTED]").length - 1);
      await shoot(page, "preview");

      await page.getByRole("button", { name: "Submit to support" }).click();
      await expect
        .poll(async () => plain(await page.locator(".fd-delivery").textContent()), { timeout: 60_000 })
        .toContain("delivered after");
      const list = page.getByRole("table", { name: "Tickets" });
      await expect
        .poll(async () => plain(await list.textContent()), { timeout: 30_000 })
        .toContain("delivered");
      await shoot(page, "delivered");
      console.info(`console walk as Alice: ${(gzippedBytes() / 1024).toFixed(0)} kB gzipped loaded`);
      expect(problems()).toEqual([]);
      await page.close();
    },
    WALK_MS,
  );

  it(
    "shows the guest what she may see: the inbox's refusal as a sentence, a diagnosis without logs, the contract's ticket without its log text",
    async () => {
      const { page, problems } = await watch();
      await signIn(page, /Gina Gast/);
      await expect
        .poll(() => errorTexts(page), { timeout: 30_000 })
        .toMatch(/You may not read the logs of workspace \w+: the platform denies it\. FORBIDDEN/);
      expect(await page.getByRole("combobox", { name: /^Workspace/ }).textContent()).toContain(
        "Acme Production",
      );
      await shoot(page, "guest-inbox");
      await page.getByRole("link", { name: "pick a flow to diagnose" }).click();
      await expect
        .poll(() => page.getByRole("list", { name: "Flows" }).getByRole("link").count(), { timeout: 30_000 })
        .toBeGreaterThan(0);

      await page.goto(`${gateway.playgroundUrl}${aliceDiagnosis}`);
      await page.locator(".fd-verdict").waitFor({ timeout: 60_000 });
      expect(await page.locator(".fd-step").count()).toBeGreaterThan(0);
      expect(
        plain(await page.getByRole("region", { name: "Checks that did not run" }).textContent()),
      ).toContain("You may not read the logs");
      await shoot(page, "guest-diagnosis");

      // Alice's link names her error group, which the guest cannot see: the draft is refused with a sentence.
      await page.getByRole("button", { name: "Draft a support ticket" }).click();
      await expect
        .poll(() => errorTexts(page), { timeout: 60_000 })
        .toMatch(/Error group "\w+" is not among the flow's errors .*NOT_FOUND/);

      // Alice's delivered ticket is the contract's, so the guest sees it, without the log text she may not read.
      await page.getByRole("link", { name: "Tickets" }).click();
      await page.getByRole("table", { name: "Tickets" }).getByRole("link").first().click();
      await expect
        .poll(() => errorTexts(page), { timeout: 30_000 })
        .toMatch(/log text is withheld from you\. FORBIDDEN/);
      expect(await page.getByLabel("Title").inputValue()).not.toBe("");
      await page.getByRole("button", { name: "Preview as support receives it" }).click();
      await expect.poll(() => errorTexts(page)).toMatch(/FORBIDDEN .*left empty: ticketPreview/);
      await shoot(page, "guest-ticket");
      expect(problems()).toEqual([]);
      await page.close();
    },
    WALK_MS,
  );

  it(
    "shows the other tenant his own inbox and flows, and Acme's flow and tickets as not found",
    async () => {
      const { page, problems } = await watch();
      await signIn(page, /Bob Novak/);
      await page.locator(".fd-table tbody tr").first().waitFor({ timeout: 30_000 });
      expect(await page.getByRole("combobox", { name: /^Workspace/ }).textContent()).toContain(
        "Globex Integrations",
      );
      expect(plain(await page.locator(".fd-table").textContent())).not.toContain("Address validation");
      await shoot(page, "tenant-inbox");

      await page.goto(`${gateway.playgroundUrl}${aliceDiagnosis}`);
      await expect
        .poll(() => errorTexts(page), { timeout: 30_000 })
        .toMatch(/Flow \w+ was not found or is not visible to you\. NOT_FOUND/);
      expect(await page.locator(".fd-verdict").count()).toBe(0);
      await shoot(page, "tenant-diagnosis");

      await page.getByRole("link", { name: "Tickets" }).click();
      await page.getByText("No tickets yet.").waitFor({ timeout: 30_000 });

      // Without a group, the diagnosis view offers his own workspace's flows.
      await page.getByRole("link", { name: "Diagnosis" }).click();
      await page.getByRole("list", { name: "Flows" }).getByRole("link").first().click();
      await page.locator(".fd-verdict").waitFor({ timeout: 60_000 });
      expect(await errorTexts(page)).toBe("");
      expect(problems()).toEqual([]);
      await page.close();
    },
    WALK_MS,
  );

  it(
    "remembers a group Alice resolves, filters the inbox by state, and shows root causes and flow health",
    async () => {
      const { page, problems } = await watch();
      await signIn(page, /Alice Berger/);
      const rows = page.locator(".fd-table tbody tr");
      await rows.first().waitFor();
      const first = rows.first();
      const fingerprintLink = (await first.getByRole("link").getAttribute("href")) ?? "";
      await first.getByRole("button", { name: /^Resolve the group/ }).click();
      await expect.poll(async () => plain(await first.locator(".fd-state").textContent())).toBe("resolved");
      expect(await first.getByRole("button", { name: /^Reopen the group/ }).count()).toBe(1);

      await page.getByRole("combobox", { name: "State", exact: true }).selectOption("RESOLVED");
      await expect.poll(() => page.evaluate<string>("location.hash")).toContain("state=RESOLVED");
      await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(1);
      expect(await rows.first().getByRole("link").getAttribute("href")).toBe(fingerprintLink);
      await page.getByRole("combobox", { name: "State", exact: true }).selectOption("open");
      await rows.first().waitFor();
      const open = await page.locator(".fd-table tbody .fd-state").allTextContents();
      expect(open.length).toBeGreaterThan(0);
      expect(open.map(plain)).not.toContain("resolved");
      await shoot(page, "inbox-states");

      await page.getByRole("link", { name: "Health" }).click();
      const roots = page.getByRole("region", { name: "Root causes" });
      const health = page.getByRole("region", { name: "Flow health" });
      await health.waitFor({ timeout: 60_000 });
      await roots.waitFor();
      expect(plain(await roots.textContent())).toMatch(/No cause is shared|root causes, worst first/);
      expect(await health.locator("tbody tr").count()).toBeGreaterThan(0);
      const flagged = await health.locator("tbody tr.fd-flagged").count();
      const firstFlagged = await health.locator("tbody tr").first().getAttribute("class");
      if (flagged > 0) expect(firstFlagged).toBe("fd-flagged");
      await shoot(page, "health");
      expect(problems()).toEqual([]);
      await page.close();
    },
    WALK_MS,
  );

  it(
    "opens a view's GraphQL in GraphiQL in one click, with long comment lines wrapped, runs it, validates it and prettifies it",
    async () => {
      const { page, problems, gzippedBytes } = await watch();
      await signIn(page, /Alice Berger/);
      await page.locator(".fd-table tbody tr").first().waitFor();
      await page.getByText("The inbox's query").click();
      await page.getByRole("button", { name: "Open in GraphiQL" }).first().click();
      const editor = page.locator(".graphiql-query-editor");
      await expect
        .poll(async () => plain(await editor.textContent()), { timeout: 60_000 })
        .toContain("query ConsoleInbox");
      const box = await editor.boundingBox();
      const lineEdges = await page
        .locator(".graphiql-query-editor .view-line")
        .evaluateAll((lines) => lines.map((line) => line.getBoundingClientRect().left + line.scrollWidth));
      expect(lineEdges.length).toBeGreaterThan(0);
      for (const edge of lineEdges) expect(edge).toBeLessThanOrEqual((box?.x ?? 0) + (box?.width ?? 0) + 1);

      await page.locator(".graphiql-execute-button").click();
      await expect
        .poll(async () => plain(await page.locator(".graphiql-response").textContent()), { timeout: 60_000 })
        .toContain('"errorGroups": {');
      await shoot(page, "graphiql");

      // One worker script serves Monaco's language services, each worker named after the one it runs.
      const workers = page.workers();
      expect(new Set(workers.map((worker) => new URL(worker.url()).pathname)).size).toBe(1);
      const services = await Promise.all(workers.map((worker) => worker.evaluate<string>("self.name")));
      expect(services.sort()).toEqual(["graphql", "json"]);
      // JSON's service validates the variables.
      await page.locator('button[data-name="variables"]').click();
      const variables = page.locator(".graphiql-editor-tool .graphiql-editor:not(.hidden)");
      await typeInEditor(page, variables, '{ "first": }');
      await expectErrorMark(page, ".graphiql-editor-tool");
      await typeInEditor(page, variables, "{}");
      // GraphQL's service validates against the schema; Prettify (Prettier, loaded on demand) formats.
      await typeInEditor(page, editor, "query A { w { noSuchField } }");
      await expectErrorMark(page, ".graphiql-query-editor");
      await page.getByRole("button", { name: /Prettify/ }).click();
      const shownLines = () =>
        page
          .locator(".graphiql-query-editor .view-line")
          .evaluateAll((lines) =>
            lines
              .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
              .map((line) => (line.textContent ?? "").replace(/\u00a0/g, " ")),
          );
      await expect
        .poll(shownLines, { timeout: 30_000 })
        .toEqual(["query A {", "  w {", "    noSuchField", "  }", "}", ""]);
      const kilobytes = gzippedBytes() / 1024;
      console.info(`console with GraphiQL opened: ${kilobytes.toFixed(0)} kB gzipped loaded`);
      expect(problems()).toEqual([]);
      await page.close();
    },
    WALK_MS,
  );

  it(
    "can be used with the keyboard alone: Tab to a demo login and a group, Enter to open them, focus always visible",
    async () => {
      const { page, problems } = await watch();
      await page.goto(gateway.playgroundUrl);
      await page.getByRole("button", { name: /Alice Berger/ }).waitFor();
      const focused = () =>
        page.evaluate<{ text: string; outline: string; inTable: boolean }>(`(() => {
          const element = document.activeElement;
          return {
            text: element?.textContent ?? "",
            outline: element ? getComputedStyle(element).outlineStyle : "none",
            inTable: Boolean(element?.closest(".fd-table")),
          };
        })()`);
      const tabUntil = async (wanted: (state: Awaited<ReturnType<typeof focused>>) => boolean) => {
        for (let presses = 0; presses < 40; presses += 1) {
          await page.keyboard.press("Tab");
          const state = await focused();
          expect(state.outline, `focus on "${state.text.slice(0, 40)}"`).not.toBe("none");
          if (wanted(state)) return;
        }
        throw new Error("Tab never reached the element");
      };
      await tabUntil((state) => state.text.startsWith("Alice Berger"));
      await page.keyboard.press("Enter");
      await page.locator(".fd-table tbody tr").first().waitFor();
      await tabUntil((state) => state.inTable);
      await page.keyboard.press("Enter");
      await expect.poll(() => page.evaluate<string>("location.hash")).toContain("#/diagnosis?flow=");
      await page.locator(".fd-verdict").waitFor({ timeout: 60_000 });
      expect(problems()).toEqual([]);
      await page.close();
    },
    WALK_MS,
  );

  it(
    "sends credentials typed by hand as an Authorization: Basic header",
    async () => {
      const { page } = await watch();
      await page.goto(gateway.playgroundUrl);
      await page.getByLabel("E-mail").fill("ops@example.com");
      await page.getByLabel("API key").fill("k3y");
      const sent = page.waitForRequest(
        (request) =>
          request.url() === gateway.graphqlUrl && (request.postData() ?? "").includes("ConsoleWorkspaces"),
      );
      await page.getByRole("button", { name: "Sign in" }).click();
      const request = await sent;
      expect(request.headers().authorization).toBe(
        `Basic ${Buffer.from("ops@example.com:k3y").toString("base64")}`,
      );
      await expect.poll(() => errorTexts(page), { timeout: 30_000 }).toContain("UNAUTHENTICATED");
      await page.close();
    },
    WALK_MS,
  );
});
