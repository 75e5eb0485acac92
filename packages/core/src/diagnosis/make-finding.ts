import type { IsoDateTime } from "../model/platform.js";
import { shortenRedacted } from "../redaction/shorten-redacted.js";
import { CAUSE_INFO, type Cause } from "../taxonomy/taxonomy.js";
import type { CheckName, CheckStatus, Finding, FindingEvidence } from "./diagnosis.js";

export interface FindingInput {
  readonly check: CheckName;
  readonly status: CheckStatus;
  readonly cause: Cause;
  readonly detail: string;
  readonly title?: string;
  readonly stepId?: string | undefined;
  readonly confidence?: number;
  readonly evidence?: readonly FindingEvidence[];
  readonly remedy?: string;
  readonly recoveredAt?: IsoDateTime;
}

/** A finding whose level, title, remedy and link come from the taxonomy unless given. */
export const makeFinding = (input: FindingInput): Finding => {
  const info = CAUSE_INFO[input.cause];
  const finding: Finding = {
    check: input.check,
    status: input.status,
    level: info.level,
    cause: input.cause,
    title: input.title ?? info.title,
    detail: input.detail,
    confidence: input.confidence ?? (input.status === "PASS" ? 1 : 0.9),
    evidence: input.evidence ?? [],
    remedy: input.remedy ?? info.remedy,
    docsUrl: info.docsUrl,
    ...(input.recoveredAt ? { recoveredAt: input.recoveredAt } : {}),
  };
  return input.stepId === undefined ? finding : { ...finding, stepId: input.stepId };
};

/** The one finding of a check that found nothing wrong. */
export const passFinding = (check: CheckName, detail: string): Finding =>
  makeFinding({ check, status: "PASS", cause: "UNKNOWN", title: "Nothing wrong found", detail, remedy: "" });

export const evidence = (signal: string, source: string, value: unknown): FindingEvidence => ({
  signal,
  source,
  value: shortenRedacted(String(value), 300),
});
