import { PLATFORM_LIMITS, QUEUE_SUSPENSION_MESSAGES } from "@flowdoctor/core";
import {
  CauseChip,
  ErrorList,
  Loading,
  levelName,
  QueryPanel,
  Section,
  Time,
  useMutation,
  useOperation,
} from "../parts.js";
import { hashOf, navigate } from "../route.js";

interface Queue {
  readonly total: number;
  readonly ready: number;
  readonly unacked: number;
  readonly rebounds: number;
  readonly bytes: number | null;
}

interface StepWalk {
  readonly stepId: string;
  readonly name: string;
  readonly state: string;
  readonly executionsReached: number;
  readonly executionsFailed: number;
  readonly lastLogAt: string | null;
  readonly queue: Queue | null;
}

interface Finding {
  readonly check: string;
  readonly status: string;
  readonly level: string;
  readonly cause: string;
  readonly stepId: string | null;
  readonly title: string;
  readonly detail: string;
  readonly remedy: string;
  readonly docsUrl: string;
  readonly confidence: number;
  readonly evidence: readonly { readonly signal: string; readonly source: string; readonly value: string }[];
}

interface Diagnosis {
  readonly flowId: string;
  readonly flowName: string;
  readonly workspaceId: string;
  readonly contractId: string | null;
  readonly window: { readonly from: string; readonly to: string };
  readonly verdict: {
    readonly status: string;
    readonly level: string | null;
    readonly cause: string | null;
    readonly stepId: string | null;
    readonly summary: string;
    readonly confidence: number;
    readonly recoveredAt: string | null;
  };
  readonly walkthrough: {
    readonly executionId: string | null;
    readonly firstFailingStepId: string | null;
    readonly steps: readonly StepWalk[];
  };
  readonly findings: readonly Finding[];
  readonly checks: readonly {
    readonly check: string;
    readonly status: string;
    readonly note: string | null;
  }[];
  readonly nextActions: readonly string[];
  readonly escalation: { readonly recommended: boolean; readonly reason: string };
  readonly ticket: { readonly missing: readonly { readonly field: string; readonly question: string }[] };
}

interface DiagnosisData {
  readonly flow: {
    readonly id: string;
    readonly name: string;
    readonly status: string;
    readonly steps: readonly {
      readonly stepId: string;
      readonly name: string;
      readonly queue: Queue | null;
    }[];
  } | null;
  readonly diagnoseFlow: Diagnosis | null;
}

/** Worst first: failures, checks that could not run, warnings, then the rest; surer findings first within each. */
const STATUS_RANK: Readonly<Record<string, number>> = { FAIL: 0, ERROR: 1, WARN: 2, PASS: 3, SKIPPED: 4 };
export const worstFirst = (findings: readonly Finding[]): Finding[] =>
  [...findings].sort(
    (a, b) => (STATUS_RANK[a.status] ?? 9) - (STATUS_RANK[b.status] ?? 9) || b.confidence - a.confidence,
  );

const STATE_TEXT: Readonly<Record<string, string>> = {
  SUCCEEDED: "succeeded",
  FAILED: "failed",
  STUCK: "stuck",
  NOT_REACHED: "not reached",
  IDLE: "idle",
};

/** The flow as its steps in order, each coloured by its walk-through state; the failing step is marked. */
const Pipeline = ({ steps, failingStepId }: { steps: readonly StepWalk[]; failingStepId: string | null }) => (
  <ol className="fd-pipeline" aria-label="The flow's steps in order">
    {steps.map((step, index) => {
      const failing = step.stepId === failingStepId;
      return (
        <li
          key={step.stepId}
          className={`fd-step fd-state-${step.state.toLowerCase()}${failing ? " fd-failing" : ""}`}
          aria-current={failing ? "step" : undefined}
        >
          <span className="fd-step-index">{index + 1}</span>
          <strong>{step.name}</strong>
          <span className="fd-muted">{step.stepId}</span>
          <span className="fd-state">{STATE_TEXT[step.state] ?? step.state.toLowerCase()}</span>
          <span>
            reached {step.executionsReached} · failed {step.executionsFailed}
          </span>
          {failing && <span className="fd-failing-mark">✖ failing step</span>}
        </li>
      );
    })}
  </ol>
);

const percent = (value: number, limit: number) => Math.min(100, (value / limit) * 100);

/** Each step's queue against the platform's default limits (support can raise them per flow). */
const QueueFill = ({
  steps,
}: {
  steps: readonly { stepId: string; name: string; queue: Queue | null }[];
}) => (
  <table className="fd-table">
    <caption className="fd-muted">
      Limits per step queue: {PLATFORM_LIMITS.queueMessages.toLocaleString()} messages and{" "}
      {PLATFORM_LIMITS.queueBytes / 1024 / 1024} MB (platform defaults); flows on an old runtime library are
      suspended at {QUEUE_SUSPENSION_MESSAGES.toLocaleString()} messages (the mark).
    </caption>
    <thead>
      <tr>
        <th scope="col">Step</th>
        <th scope="col">Messages</th>
        <th scope="col" className="fd-num">
          Ready
        </th>
        <th scope="col" className="fd-num">
          Unacked
        </th>
        <th scope="col" className="fd-num">
          Rebounds
        </th>
        <th scope="col">Size</th>
      </tr>
    </thead>
    <tbody>
      {steps.map(({ stepId, name, queue }) => (
        <tr key={stepId}>
          <td>{name}</td>
          <td>
            {queue ? (
              <span className="fd-meter-row">
                <meter
                  min={0}
                  max={PLATFORM_LIMITS.queueMessages}
                  high={QUEUE_SUSPENSION_MESSAGES}
                  value={queue.total}
                  aria-label={`${name}: ${queue.total} of ${PLATFORM_LIMITS.queueMessages} messages`}
                />
                {queue.total.toLocaleString()} (
                {percent(queue.total, PLATFORM_LIMITS.queueMessages).toFixed(1)} %)
              </span>
            ) : (
              <span className="fd-muted">no queue reported</span>
            )}
          </td>
          <td className="fd-num">{queue?.ready ?? "–"}</td>
          <td className="fd-num">{queue?.unacked ?? "–"}</td>
          <td className="fd-num">{queue?.rebounds ?? "–"}</td>
          <td>
            {queue?.bytes == null
              ? "–"
              : `${(queue.bytes / 1024 / 1024).toFixed(1)} MB (${percent(queue.bytes, PLATFORM_LIMITS.queueBytes).toFixed(1)} %)`}
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);

const FindingCard = ({ finding }: { finding: Finding }) => (
  <li className={`fd-finding fd-status-${finding.status.toLowerCase()}`}>
    <div className="fd-finding-head">
      <span className="fd-badge">{finding.status}</span>
      <strong>{finding.title}</strong>
      <CauseChip cause={finding.cause} level={finding.level} />
      {finding.stepId && <span className="fd-muted">{finding.stepId}</span>}
    </div>
    <p>{finding.detail}</p>
    {finding.evidence.length > 0 && (
      <ul className="fd-evidence" aria-label="Evidence">
        {finding.evidence.map((item) => (
          <li key={`${item.source}:${item.signal}:${item.value}`}>
            <code>{item.source}</code> {item.signal}: <q>{item.value}</q>
          </li>
        ))}
      </ul>
    )}
    <p>
      <strong>Remedy:</strong> {finding.remedy}{" "}
      <a href={finding.docsUrl} target="_blank" rel="noreferrer noopener">
        Documentation
      </a>
    </p>
  </li>
);

const Verdict = ({ diagnosis }: { diagnosis: Diagnosis }) => (
  <div className={`fd-verdict fd-verdict-${diagnosis.verdict.status.toLowerCase()}`} role="status">
    <div className="fd-verdict-head">
      <span className="fd-badge">{diagnosis.verdict.status}</span>
      <CauseChip cause={diagnosis.verdict.cause} level={diagnosis.verdict.level} />
      <span className="fd-muted">
        level {levelName(diagnosis.verdict.level)}, {Math.round(diagnosis.verdict.confidence * 100)} % sure
      </span>
    </div>
    <p className="fd-verdict-summary">{diagnosis.verdict.summary}</p>
    <p className="fd-muted">
      {diagnosis.escalation.recommended ? "Ask support: " : "Support is not needed yet: "}
      {diagnosis.escalation.reason} Window: <Time value={diagnosis.window.from} /> to{" "}
      <Time value={diagnosis.window.to} />.
    </p>
  </div>
);

/** Checks that could not run or were skipped, with why: the diagnosis is partial without them. */
const UnfinishedChecks = ({ checks }: { checks: Diagnosis["checks"] }) => {
  const unfinished = checks.filter((check) => check.status === "ERROR" || check.status === "SKIPPED");
  return unfinished.length === 0 ? null : (
    <Section title="Checks that did not run">
      <ul className="fd-errors">
        {unfinished.map((check) => (
          <li key={check.check}>
            <strong>{check.check.toLowerCase()}</strong> <code className="fd-code-chip">{check.status}</code>{" "}
            {check.note ?? "No reason given."}
          </li>
        ))}
      </ul>
    </Section>
  );
};

interface DraftData {
  readonly createTicketFromDiagnosis: { readonly ticket: { readonly id: string } };
}

interface PickerData {
  readonly workspaces: { readonly nodes: readonly { readonly id: string; readonly name: string }[] } | null;
}

/** Without a flow: pick one of a workspace's flows (or a group in the inbox). */
const FlowPicker = ({ workspaceId }: { workspaceId: string | undefined }) => {
  const workspaces = useOperation<PickerData>("workspaces", {});
  const list = workspaces.answer?.data?.workspaces?.nodes ?? [];
  const chosen = workspaceId ?? list[0]?.id ?? "";
  const flows = useOperation<{
    flows: { nodes: readonly { id: string; name: string; status: string }[] } | null;
  }>("flows", { workspaceId: chosen }, !chosen);
  return (
    <div className="fd-view">
      <h1>Flow diagnosis</h1>
      <p>
        Pick a flow, or an error group in the <a href="#/inbox">inbox</a>.
      </p>
      <ErrorList errors={[...(workspaces.answer?.errors ?? []), ...(flows.answer?.errors ?? [])]} />
      <div className="fd-filters">
        <label className="fd-field">
          Workspace
          <select
            value={chosen}
            onChange={(event) => navigate("diagnosis", { workspace: event.target.value })}
          >
            {list.map((workspace) => (
              <option key={workspace.id} value={workspace.id}>
                {workspace.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <ul className="fd-flow-list" aria-label="Flows">
        {(flows.answer?.data?.flows?.nodes ?? []).map((flow) => (
          <li key={flow.id}>
            <a href={hashOf("diagnosis", { flow: flow.id, workspace: chosen })}>{flow.name}</a>{" "}
            <span className="fd-muted">{flow.status.toLowerCase()}</span>
          </li>
        ))}
      </ul>
      <QueryPanel ran={flows.ran} label="The flows query" />
    </div>
  );
};

/** One flow's diagnosis, the way the troubleshooting guide walks it. */
export const DiagnosisView = ({ params }: { params: Readonly<Record<string, string>> }) => {
  const flowId = params.flow ?? "";
  const { answer, loading, ran } = useOperation<DiagnosisData>("diagnosis", { flowId }, !flowId);
  const draft = useMutation<DraftData>("draftTicket");
  const diagnosis = answer?.data?.diagnoseFlow ?? null;
  const flow = answer?.data?.flow ?? null;
  const failingStepId = diagnosis?.walkthrough.firstFailingStepId ?? diagnosis?.verdict.stepId ?? null;
  const walkSteps: readonly StepWalk[] = diagnosis?.walkthrough.steps.length
    ? diagnosis.walkthrough.steps
    : (flow?.steps ?? []).map((step) => ({
        ...step,
        state: "IDLE",
        executionsReached: 0,
        executionsFailed: 0,
        lastLogAt: null,
      }));
  const startTicket = async () => {
    const variables = { flowId, ...(params.group ? { errorGroupId: params.group } : {}) };
    const result = await draft.run(variables);
    const id = result.data?.createTicketFromDiagnosis.ticket.id;
    if (id) navigate("ticket", { id });
  };
  if (!flowId) return <FlowPicker workspaceId={params.workspace} />;
  return (
    <div className="fd-view">
      <h1>
        Diagnosis: {diagnosis?.flowName ?? flow?.name ?? flowId}
        {flow && <span className="fd-muted"> ({flow.status.toLowerCase()})</span>}
      </h1>
      {loading && answer === undefined && <Loading what="the diagnosis" />}
      <ErrorList errors={answer?.errors} />
      {diagnosis && <Verdict diagnosis={diagnosis} />}
      {walkSteps.length > 0 && (
        <Section title="Walk through the steps">
          <Pipeline steps={walkSteps} failingStepId={failingStepId} />
        </Section>
      )}
      {diagnosis && (
        <>
          <UnfinishedChecks checks={diagnosis.checks} />
          <Section title="Findings, worst first">
            <ol className="fd-findings">
              {worstFirst(diagnosis.findings).map((finding) => (
                <FindingCard key={`${finding.check}:${finding.stepId}:${finding.title}`} finding={finding} />
              ))}
            </ol>
          </Section>
          <Section title="Next actions">
            <ol>
              {diagnosis.nextActions.map((action) => (
                <li key={action}>{action}</li>
              ))}
            </ol>
            <button type="button" className="fd-primary" disabled={draft.busy} onClick={startTicket}>
              Draft a support ticket
            </button>
            <ErrorList errors={draft.errors} />
          </Section>
        </>
      )}
      {walkSteps.length > 0 && (
        <Section title="Queue fill per step">
          <QueueFill steps={walkSteps} />
        </Section>
      )}
      <Section title="GraphQL">
        <QueryPanel ran={ran} label="The diagnosis query" />
        <QueryPanel ran={draft.ran} label="The draft mutation" />
      </Section>
    </div>
  );
};
