import type { Finding, WalkThrough } from "./diagnosis.js";
import { evidence, makeFinding } from "./make-finding.js";

const STUCK_REMEDY =
  "Reload the dashboard, check the platform limits and speed up the step (parallel processing). If the messages stay, file a ticket with the last log time per step and whether the step's containers run.";

/** The guide's stuck-message check: messages wait at a step that has not logged for a while. */
export const stuckStepFindings = (walk: WalkThrough): Finding[] =>
  walk.steps
    .filter((step) => step.state === "STUCK")
    .map((step) =>
      makeFinding({
        check: "walkthrough",
        status: "WARN",
        cause: "UNKNOWN",
        title: "Messages wait at a step that does not log",
        stepId: step.stepId,
        detail: `${step.queue?.ready ?? 0} message(s) wait in front of ${step.stepId} and it last logged ${step.lastLogAt ?? "never in the window"}.`,
        confidence: 0.6,
        evidence: [
          evidence("queueReady", "queueStats", step.queue?.ready ?? 0),
          evidence("lastLogAt", "logs", step.lastLogAt ?? "none"),
        ],
        remedy: STUCK_REMEDY,
      }),
    );
