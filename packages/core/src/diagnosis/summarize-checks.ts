import type { DiagnoseFlowOptions } from "./diagnose-flow.js";
import { CHECK_NAMES, type CheckName, type CheckRun, type CheckStatus, type Finding } from "./diagnosis.js";
import type { CheckOutcome } from "./run-check.js";

const SEVERITY: readonly CheckStatus[] = ["FAIL", "ERROR", "WARN", "PASS", "SKIPPED"];
// Checks whose evidence comes from the classified logs as well as from their own calls.
const FED_BY_LOGS = new Set<CheckName>(["errors", "downtime", "credentials", "mapping", "component"]);

const worstStatus = (statuses: readonly CheckStatus[]): CheckStatus =>
  SEVERITY.find((status) => statuses.includes(status)) ?? "PASS";

const noteWhenQuiet = (
  check: CheckName,
  options: Pick<DiagnoseFlowOptions, "verifyCredentials" | "probeEndpoints">,
): string | undefined => {
  if (check === "credentials" && !options.verifyCredentials)
    return "no credential errors in the logs; live verification was not requested (verifyCredentials)";
  if (check === "downtime" && !options.probeEndpoints)
    return "no downtime errors in the logs; endpoint probes were not requested (probeEndpoints)";
  return undefined;
};

/** One run per check of the runbook: its worst finding, or why it could not run. */
export const summarizeChecks = (
  outcomes: readonly CheckOutcome[],
  findings: readonly Finding[],
  options: Pick<DiagnoseFlowOptions, "verifyCredentials" | "probeEndpoints">,
): CheckRun[] => {
  const errors = outcomes.find((outcome) => outcome.check === "errors");
  return CHECK_NAMES.map((check): CheckRun => {
    const own = outcomes.find((outcome) => outcome.check === check);
    const durationMs = Math.round(
      own?.durationMs ?? (FED_BY_LOGS.has(check) ? (errors?.durationMs ?? 0) : 0),
    );
    if (own && !own.ok) return { check, status: "ERROR", durationMs, note: own.reason };
    const statuses = findings.filter((finding) => finding.check === check).map((finding) => finding.status);
    if (statuses.length > 0) return { check, status: worstStatus(statuses), durationMs };
    if (!own && errors && !errors.ok && FED_BY_LOGS.has(check))
      return { check, status: "ERROR", durationMs, note: `the logs could not be read: ${errors.reason}` };
    const note = own ? undefined : noteWhenQuiet(check, options);
    return note === undefined
      ? { check, status: "PASS", durationMs }
      : { check, status: "PASS", durationMs, note };
  });
};
