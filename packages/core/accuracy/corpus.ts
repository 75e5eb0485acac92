import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { ErrorContext } from "../src/classify/types.js";
import { type Cause, isCause } from "../src/taxonomy/taxonomy.js";

/** One sourced error text of the corpus (`corpus/README.md`). */
export interface CorpusEntry {
  readonly text: string;
  readonly cause: Cause;
  readonly source: string;
  readonly why: string;
  readonly statusCode?: number;
  readonly context?: ErrorContext;
  /** Where it was read: file and line. */
  readonly at: string;
}

const CORPUS_DIR = fileURLToPath(new URL("../corpus/", import.meta.url));

/** FNV-1a over the text: a stable hash, so a text stays on its side of the split whatever else is added. */
const hashOf = (text: string): number => {
  let hash = 2166136261;
  for (let index = 0; index < text.length; index += 1)
    hash = Math.imul(hash ^ text.charCodeAt(index), 16777619);
  return hash >>> 0;
};

/**
 * Corpus files whose development texts the rules were written against. Texts of the other files are fresh to the
 * rules, as held-out texts are: `accuracy --dev` never lists them, so a new round measures how the rules do on a
 * family they never saw. Add a file here once rules have been written against it.
 */
export const RULES_WRITTEN_AGAINST: ReadonlySet<string> = new Set([
  "elasticio.jsonl",
  "enterprise.jsonl",
  "issue-threads.jsonl",
  "libraries.jsonl",
  "saas-apis.jsonl",
  "thin-causes.jsonl",
  "round3.jsonl",
  "round4.jsonl",
  "round5-elasticio.jsonl",
  "round5-libraries.jsonl",
  "round5-saas.jsonl",
  "round6-elasticio.jsonl",
  "round6-libraries.jsonl",
  "round6-saas.jsonl",
  "round7-connectors.jsonl",
  "round7-integration-platforms.jsonl",
  "round7-runtimes.jsonl",
  "round8-pipelines.jsonl",
  "round8-qa-pages.jsonl",
  "round8-sdks.jsonl",
  "round9-erp-crm-commerce.jsonl",
  "round9-jvm-dotnet.jsonl",
  "round9-serverless-containers.jsonl",
  "round10-go-rust.jsonl",
  "round10-mail-files-webhooks.jsonl",
  "round10-python.jsonl",
  "round11-db-servers.jsonl",
  "round11-js-clients.jsonl",
  "round11-php-ruby.jsonl",
  "round12-elasticio.jsonl",
  "round12-identity-gateways.jsonl",
  "round12-productivity-apis.jsonl",
  "round13-cloud-sdks.jsonl",
  "round13-data-formats.jsonl",
  "round13-workflow-nodes.jsonl",
  "round14-baas.jsonl",
  "round14-graphql.jsonl",
  "round14-logistics-accounting.jsonl",
  "round15-comms.jsonl",
  "round15-legacy-protocols.jsonl",
  "round15-warehouses-search.jsonl",
  "round16-commerce-cms.jsonl",
  "round16-devops.jsonl",
  "round16-payments.jsonl",
  "round17-ai-vector.jsonl",
  "round17-file-storage.jsonl",
  "round17-iot-timeseries.jsonl",
  "round18-orm-validation.jsonl",
  "round18-service-desk-hr.jsonl",
  "round18-streaming.jsonl",
  "round19-geo-travel.jsonl",
  "round19-secrets-tls.jsonl",
  "round19-social-ads.jsonl",
  "round20-browser-scraping.jsonl",
  "round20-crm-marketing.jsonl",
  "round20-health-gov.jsonl",
  "round21-banking-push.jsonl",
  "round21-documents.jsonl",
  "round21-learning-media.jsonl",
  "round22-scheduling-forms-marketplaces.jsonl",
  "round22-tax-invoicing.jsonl",
  "round22-workflow-engines-coordination.jsonl",
  "round23-beam-mobile-clients.jsonl",
  "round23-hospitality-pos-energy.jsonl",
  "round23-observability.jsonl",
  "round24-network-virtualization.jsonl",
  "round24-research-compute.jsonl",
  "round24-self-hosted-apps-chat.jsonl",
  "round25-creator-gaming.jsonl",
  "round25-fleet-transport.jsonl",
  "round25-package-registries.jsonl",
  "round26-elt-cdc.jsonl",
  "round26-localization.jsonl",
  "round26-property-insurance-kyc.jsonl",
]);

const fileOf = (entry: Pick<CorpusEntry, "at">): string => entry.at.split(":")[0] ?? "";

/** Whether an entry comes from a file the rules were not written against. */
export const isFresh = (entry: Pick<CorpusEntry, "at">): boolean => !RULES_WRITTEN_AGAINST.has(fileOf(entry));

/** Whether a text belongs to the held-out part (about a third), which rules are never written against. */
export const holdsOut = (text: string): boolean => hashOf(text) % 3 === 0;

const parseLine = (line: string, at: string): CorpusEntry => {
  const value = JSON.parse(line) as Partial<CorpusEntry>;
  if (typeof value.text !== "string" || !isCause(value.cause) || typeof value.source !== "string")
    throw new Error(`${at}: an entry needs text, a known cause and a source`);
  return { ...value, at } as CorpusEntry;
};

/**
 * Every entry of `corpus/*.jsonl`, each text once (the first wins). Throws when one text carries two causes, as the
 * corpus must not contradict itself.
 */
export const readCorpus = (dir = CORPUS_DIR): CorpusEntry[] => {
  const byText = new Map<string, CorpusEntry>();
  for (const file of readdirSync(dir)
    .filter((name) => name.endsWith(".jsonl"))
    .sort()) {
    readFileSync(`${dir}/${file}`, "utf8")
      .split("\n")
      .forEach((line, index) => {
        if (!line.trim()) return;
        const entry = parseLine(line, `${file}:${index + 1}`);
        const known = byText.get(entry.text);
        if (known && known.cause !== entry.cause)
          throw new Error(`${entry.at} labels a text ${entry.cause}; ${known.at} labels it ${known.cause}`);
        if (!known) byText.set(entry.text, entry);
      });
  }
  return [...byText.values()];
};
