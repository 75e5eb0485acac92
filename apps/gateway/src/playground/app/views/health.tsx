import { useMemo, useState } from "react";
import { CauseChip, ErrorList, Loading, QueryPanel, Section, Time, useOperation } from "../parts.js";
import { hashOf, navigate } from "../route.js";

interface WorkspacesData {
  readonly workspaces: {
    readonly nodes: readonly { readonly id: string; readonly name: string; readonly type: string }[];
  } | null;
}

interface RootCauseRow {
  readonly kind: string;
  readonly key: string;
  readonly label: string;
  readonly cause: string;
  readonly confidence: number;
  readonly summary: string;
  readonly evidence: readonly string[];
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly fix: { readonly summary: string };
  readonly flows: readonly {
    readonly flowId: string;
    readonly flowName: string;
    readonly steps: readonly {
      readonly stepId: string;
      readonly cause: string;
      readonly errorCount: number;
      readonly change: { readonly status: string; readonly summary: string } | null;
    }[];
  }[];
  readonly healthyAlsoUsing: readonly { readonly flowId: string; readonly flowName: string }[];
}

interface FlowHealthRow {
  readonly flowId: string;
  readonly flowName: string;
  readonly stepId: string | null;
  readonly status: string;
  readonly flagged: boolean;
  readonly expected: number;
  readonly seen: number;
  readonly since: string | null;
  readonly confidence: number;
  readonly summary: string;
}

interface HealthData {
  readonly rootCauses: { readonly truncated: boolean; readonly rootCauses: readonly RootCauseRow[] } | null;
  readonly flowHealth: { readonly truncated: boolean; readonly flows: readonly FlowHealthRow[] } | null;
}

/** The windows root causes are looked for in, in hours (0 = everything the platform still keeps). */
const WINDOWS: readonly (readonly [string, string])[] = [
  ["24", "last 24 hours"],
  ["168", "last 7 days"],
  ["0", "everything kept"],
];

const KIND_NAMES: Readonly<Record<string, string>> = {
  CREDENTIAL: "shared credential",
  COMPONENT_VERSION: "component version",
  EXTERNAL_HOST: "external host",
  CAUSE: "same cause",
};

/** Flagged flows first, then by name: what went quiet is what a person came for. */
export const sortHealth = (flows: readonly FlowHealthRow[]): FlowHealthRow[] =>
  [...flows].sort((a, b) => Number(b.flagged) - Number(a.flagged) || a.flowName.localeCompare(b.flowName));

const percent = (value: number) => `${Math.round(value * 100)} %`;

const RootCauseCard = ({ root, workspaceId }: { root: RootCauseRow; workspaceId: string }) => (
  <article className="fd-card fd-root-cause" aria-label={root.label}>
    <h3>
      {root.label} <CauseChip cause={root.cause} level={null} />{" "}
      <span className="fd-muted">
        {KIND_NAMES[root.kind] ?? root.kind}, {percent(root.confidence)} sure
      </span>
    </h3>
    <p>{root.summary}</p>
    {root.flows.some((flow) => flow.steps.some((step) => step.change?.status === "NO_CHANGE")) && (
      <p className="fd-muted">
        No flow version changed before it began: something outside the flows changed (data, the external
        system).
      </p>
    )}
    <p>
      <strong>Fixing it would fix:</strong> {root.fix.summary}
    </p>
    <ul>
      {root.flows.map((flow) => (
        <li key={flow.flowId}>
          <a href={hashOf("diagnosis", { flow: flow.flowId, workspace: workspaceId })}>{flow.flowName}</a>
          {": "}
          {flow.steps.map((step) => `${step.stepId} (${step.errorCount} errors)`).join(", ")}
          {flow.steps
            .filter((step) => step.change?.status === "CHANGED")
            .map((step) => (
              <div key={step.stepId} className="fd-muted">
                {step.change?.summary}
              </div>
            ))}
        </li>
      ))}
    </ul>
    {root.healthyAlsoUsing.length > 0 && (
      <p className="fd-muted">
        Also uses it, without errors yet: {root.healthyAlsoUsing.map((flow) => flow.flowName).join(", ")}
      </p>
    )}
    <details>
      <summary>
        Evidence (<Time value={root.firstSeen} /> – <Time value={root.lastSeen} />)
      </summary>
      <ul>
        {root.evidence.map((item) => (
          <li key={item}>{item}</li>
        ))}
      </ul>
    </details>
  </article>
);

const HealthTable = ({ flows, workspaceId }: { flows: readonly FlowHealthRow[]; workspaceId: string }) => (
  <table className="fd-table">
    <caption className="fd-sr-only">Flow health</caption>
    <thead>
      <tr>
        <th scope="col">Flow</th>
        <th scope="col">Health</th>
        <th scope="col" className="fd-num">
          Expected
        </th>
        <th scope="col" className="fd-num">
          Seen
        </th>
        <th scope="col">Since</th>
        <th scope="col">What it means</th>
      </tr>
    </thead>
    <tbody>
      {flows.map((flow) => (
        <tr key={`${flow.flowId}:${flow.stepId ?? ""}`} className={flow.flagged ? "fd-flagged" : undefined}>
          <td>
            <a href={hashOf("diagnosis", { flow: flow.flowId, workspace: workspaceId })}>{flow.flowName}</a>
            {flow.stepId && <div className="fd-muted">{flow.stepId}</div>}
          </td>
          <td>
            <span className={`fd-state ${flow.flagged ? "fd-state-new" : "fd-state-resolved"}`}>
              {flow.status.toLowerCase().replaceAll("_", " ")}
            </span>
            <div className="fd-muted">{percent(flow.confidence)} sure</div>
          </td>
          <td className="fd-num">{flow.expected}</td>
          <td className="fd-num">{flow.seen}</td>
          <td>
            <Time value={flow.since} />
          </td>
          <td>{flow.summary}</td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** Root causes across flows and flows that went quiet, for one workspace. */
export const HealthView = ({ params }: { params: Readonly<Record<string, string>> }) => {
  const workspaces = useOperation<WorkspacesData>("workspaces", {});
  const list = workspaces.answer?.data?.workspaces?.nodes ?? [];
  const workspaceId = params.workspace ?? list[0]?.id ?? "";
  const hours = params.hours ?? "24";
  const [now] = useState(() => Date.now());
  const variables = useMemo(
    () => ({
      workspaceId,
      ...(hours !== "0" ? { since: new Date(now - Number(hours) * 3_600_000).toISOString() } : {}),
    }),
    [workspaceId, hours, now],
  );
  const health = useOperation<HealthData>("health", variables, !workspaceId);
  const data = health.answer?.data;
  const roots = data?.rootCauses?.rootCauses ?? [];
  const flows = sortHealth(data?.flowHealth?.flows ?? []);
  const flagged = flows.filter((flow) => flow.flagged).length;
  return (
    <div className="fd-view">
      <h1>Workspace health</h1>
      <ErrorList errors={workspaces.answer?.errors} />
      <fieldset className="fd-filters">
        <legend className="fd-sr-only">Filters</legend>
        <label className="fd-field">
          Workspace
          <select
            value={workspaceId}
            onChange={(event) => navigate("health", { workspace: event.target.value })}
          >
            {list.map((workspace) => (
              <option key={workspace.id} value={workspace.id}>
                {workspace.name} ({workspace.type.toLowerCase()})
              </option>
            ))}
          </select>
        </label>
        <label className="fd-field">
          Root causes in
          <select
            value={hours}
            onChange={(event) => navigate("health", { workspace: workspaceId, hours: event.target.value })}
          >
            {WINDOWS.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <ErrorList errors={health.answer?.errors} />
      {health.loading && !data && <Loading what="root causes and flow health" />}
      {data?.rootCauses && (
        <Section title="Root causes">
          <p className="fd-muted" role="status">
            {roots.length === 0
              ? "No cause is shared by failing flows in this window."
              : `${roots.length} root causes, worst first.`}
            {data.rootCauses.truncated && " More errors than one request reads: the oldest are not counted."}
          </p>
          {roots.map((root) => (
            <RootCauseCard key={`${root.kind}:${root.key}`} root={root} workspaceId={workspaceId} />
          ))}
        </Section>
      )}
      {data?.flowHealth && (
        <Section title="Flow health">
          <p className="fd-muted" role="status">
            {flagged === 0
              ? `All ${flows.length} flows run to their own rhythm.`
              : `${flagged} of ${flows.length} flows need a look: went quiet, missed a run, or stuck.`}
          </p>
          {flows.length > 0 && <HealthTable flows={flows} workspaceId={workspaceId} />}
        </Section>
      )}
      <Section title="GraphQL">
        <QueryPanel ran={health.ran} label="The health query" />
      </Section>
    </div>
  );
};
