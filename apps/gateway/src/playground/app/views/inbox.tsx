import { CAUSE_INFO, CAUSES, LEVELS } from "@flowdoctor/core";
import { useEffect, useMemo, useState } from "react";
import {
  CauseChip,
  ErrorList,
  Loading,
  levelName,
  QueryPanel,
  Section,
  Sparkline,
  Time,
  useMutation,
  useOperation,
} from "../parts.js";
import { hashOf, navigate } from "../route.js";

interface WorkspaceRow {
  readonly id: string;
  readonly name: string;
  readonly type: string;
  readonly contractId: string;
}

interface WorkspacesData {
  readonly me: { readonly email: string };
  readonly workspaces: { readonly nodes: readonly WorkspaceRow[] } | null;
}

interface GroupRow {
  readonly fingerprint: string;
  readonly count: number;
  readonly executionCount: number;
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly pattern: string;
  readonly flowId: string;
  readonly stepId: string | null;
  readonly flow: { readonly id: string; readonly name: string } | null;
  readonly step: { readonly name: string } | null;
  readonly classification: { readonly cause: string; readonly title: string; readonly level: string };
  readonly status: GroupStatus;
  readonly errors: readonly { readonly timestamp: string }[];
}

interface GroupStatus {
  readonly state: string;
  readonly changedAt: string | null;
  readonly note: string | null;
}

interface InboxData {
  readonly workspace: { readonly id: string; readonly name: string } | null;
  readonly errorGroups: {
    readonly totalCount: number;
    readonly scan: { readonly scanned: number; readonly maxScan: number; readonly limitReached: boolean };
    readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
    readonly nodes: readonly GroupRow[];
  } | null;
}

/** The time windows the inbox offers, in hours (0 = everything the platform still keeps). */
const WINDOWS: readonly (readonly [string, number])[] = [
  ["last hour", 1],
  ["last 24 hours", 24],
  ["last 7 days", 24 * 7],
  ["everything kept", 0],
];
/** The inbox states a person filters by; "open" is every state that still wants attention. */
const STATE_FILTERS: Readonly<Record<string, readonly string[]>> = {
  open: ["NEW", "ONGOING", "REGRESSED", "ESCALATING"],
  RESOLVED: ["RESOLVED"],
  IGNORED: ["IGNORED"],
  SNOOZED: ["SNOOZED"],
};
const STATE_LABELS: readonly (readonly [string, string])[] = [
  ["", "any state"],
  ["open", "open"],
  ["RESOLVED", "resolved"],
  ["IGNORED", "ignored"],
  ["SNOOZED", "snoozed"],
];
/** What a person may set from a row, by the group's state: resolve or ignore an open group, reopen a closed one. */
export const stateActions = (state: string): readonly (readonly [string, string])[] =>
  state === "RESOLVED" || state === "IGNORED" || state === "SNOOZED"
    ? [["ONGOING", "Reopen"]]
    : [
        ["RESOLVED", "Resolve"],
        ["IGNORED", "Ignore"],
      ];

const SORTS = { newest: "newest first", busiest: "busiest first" } as const;
type Sort = keyof typeof SORTS;
const ROWS_PER_PAGE = 20;
const LOAD_SIZE = 100;

/** The causes to ask for: one cause, all causes of a level, both (their overlap), or none (all). */
export const causesFor = (level: string, cause: string): string[] | undefined => {
  const ofLevel = level ? CAUSES.filter((candidate) => CAUSE_INFO[candidate].level === level) : [...CAUSES];
  if (cause) return ofLevel.includes(cause as (typeof CAUSES)[number]) ? [cause] : [];
  return level ? ofLevel : undefined;
};

/** The inbox's filter as the API takes it. */
const filterOf = (params: Readonly<Record<string, string>>, now: number) => {
  const hours = Number(params.hours ?? "0");
  const causes = causesFor(params.level ?? "", params.cause ?? "");
  return {
    ...(causes ? { causes } : {}),
    ...(params.flow ? { flowIds: [params.flow] } : {}),
    ...(hours > 0 ? { from: new Date(now - hours * 3_600_000).toISOString() } : {}),
  };
};

const sortGroups = (groups: readonly GroupRow[], sort: Sort): GroupRow[] =>
  sort === "busiest"
    ? [...groups].sort((a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen))
    : [...groups].sort((a, b) => b.lastSeen.localeCompare(a.lastSeen));

const Select = ({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly (readonly [string, string])[];
  onChange: (value: string) => void;
}) => (
  <label className="fd-field">
    {label}
    <select value={value} onChange={(event) => onChange(event.target.value)}>
      {options.map(([optionValue, text]) => (
        <option key={optionValue} value={optionValue}>
          {text}
        </option>
      ))}
    </select>
  </label>
);

const GroupTable = ({
  groups,
  workspaceId,
  from,
  to,
  busy,
  onState,
}: {
  groups: readonly GroupRow[];
  workspaceId: string;
  from: number;
  to: number;
  busy: boolean;
  onState: (group: GroupRow, state: string) => void;
}) => (
  <table className="fd-table">
    <caption className="fd-sr-only">Error groups</caption>
    <thead>
      <tr>
        <th scope="col">Flow</th>
        <th scope="col">Step</th>
        <th scope="col">Cause</th>
        <th scope="col">State</th>
        <th scope="col" className="fd-num">
          Count
        </th>
        <th scope="col">Last seen</th>
        <th scope="col">Occurrences</th>
      </tr>
    </thead>
    <tbody>
      {groups.map((group) => (
        <tr key={group.fingerprint}>
          <td>
            <a
              href={hashOf("diagnosis", {
                flow: group.flowId,
                group: group.fingerprint,
                workspace: workspaceId,
              })}
              title={group.pattern}
            >
              {group.flow?.name ?? group.flowId}
            </a>
            <div className="fd-muted fd-clip">{group.pattern}</div>
          </td>
          <td>{group.step?.name ?? group.stepId ?? "–"}</td>
          <td>
            <CauseChip cause={group.classification.cause} level={group.classification.level} />
          </td>
          <td>
            <span
              className={`fd-state fd-state-${group.status.state.toLowerCase()}`}
              title={group.status.note ?? ""}
            >
              {group.status.state.toLowerCase()}
            </span>
            <div className="fd-actions">
              {stateActions(group.status.state).map(([state, label]) => (
                <button
                  key={state}
                  type="button"
                  className="fd-small"
                  disabled={busy}
                  aria-label={`${label} the group of ${group.flow?.name ?? group.flowId}: ${group.pattern}`}
                  onClick={() => onState(group, state)}
                >
                  {label}
                </button>
              ))}
            </div>
          </td>
          <td className="fd-num">
            {group.count}
            <div className="fd-muted">{group.executionCount} runs</div>
          </td>
          <td>
            <Time value={group.lastSeen} />
            <div className="fd-muted">
              first <Time value={group.firstSeen} />
            </div>
          </td>
          <td>
            <Sparkline times={group.errors.map((error) => error.timestamp)} from={from} to={to} />
          </td>
        </tr>
      ))}
    </tbody>
  </table>
);

/** Collects the pages of groups loaded so far for one filter; a new filter starts over. */
const useGroupPages = (
  workspaceId: string,
  filter: Record<string, unknown>,
  states: readonly string[] | undefined,
) => {
  const [after, setAfter] = useState<string | undefined>();
  const [loaded, setLoaded] = useState<readonly GroupRow[]>([]);
  const filterKey = JSON.stringify([filter, states]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new workspace or filter starts over.
  useEffect(() => {
    setAfter(undefined);
    setLoaded([]);
  }, [workspaceId, filterKey]);
  const variables = {
    workspaceId,
    filter,
    ...(states ? { states } : {}),
    first: LOAD_SIZE,
    ...(after ? { after } : {}),
  };
  const operation = useOperation<InboxData>("inbox", variables, !workspaceId);
  const nodes = operation.answer?.data?.errorGroups?.nodes;
  useEffect(() => {
    if (!nodes) return;
    setLoaded((previous) => {
      const seen = new Set(previous.map((group) => group.fingerprint));
      return [...previous, ...nodes.filter((group) => !seen.has(group.fingerprint))];
    });
  }, [nodes]);
  /** Shows a state set from a row at once, without reloading every page. */
  const setStatus = (fingerprint: string, status: GroupStatus) =>
    setLoaded((previous) =>
      previous.map((group) => (group.fingerprint === fingerprint ? { ...group, status } : group)),
    );
  return { operation, loaded, loadMore: setAfter, setStatus };
};

/** The error inbox of a workspace: groups as a table, with filters, sorting and paging. */
export const InboxView = ({ params }: { params: Readonly<Record<string, string>> }) => {
  const workspaces = useOperation<WorkspacesData>("workspaces", {});
  const list = workspaces.answer?.data?.workspaces?.nodes ?? [];
  const workspaceId = params.workspace ?? list[0]?.id ?? "";
  const [now] = useState(() => Date.now());
  // biome-ignore lint/correctness/useExhaustiveDependencies: the filter depends only on these parameters.
  const filter = useMemo(
    () => filterOf(params, now),
    [params.level, params.cause, params.flow, params.hours, now],
  );
  const states = params.state ? STATE_FILTERS[params.state] : undefined;
  const { operation, loaded, loadMore, setStatus } = useGroupPages(workspaceId, filter, states);
  const setState = useMutation<{ setErrorGroupState: GroupStatus | null }>("setGroupState");
  const onState = async (group: GroupRow, state: string) => {
    const answer = await setState.run({ input: { workspaceId, fingerprint: group.fingerprint, state } });
    const status = answer.data?.setErrorGroupState;
    if (status) setStatus(group.fingerprint, status);
  };
  const groups = operation.answer?.data?.errorGroups;
  const sort: Sort = params.sort === "busiest" ? "busiest" : "newest";
  const page = Math.max(0, Number(params.page ?? "0") || 0);
  const sorted = sortGroups(loaded, sort);
  const shown = sorted.slice(page * ROWS_PER_PAGE, (page + 1) * ROWS_PER_PAGE);
  const [flows, setFlows] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    setFlows((previous) => {
      const next = new Map(previous);
      for (const group of loaded) next.set(group.flowId, group.flow?.name ?? group.flowId);
      return next.size === previous.size ? previous : next;
    });
  }, [loaded]);
  const set = (changes: Record<string, string | undefined>) =>
    navigate("inbox", { ...params, workspace: workspaceId, page: undefined, ...changes });
  const hours = Number(params.hours ?? "0");
  const windowFrom =
    hours > 0
      ? now - hours * 3_600_000
      : Math.min(now - 3_600_000, ...loaded.map((g) => Date.parse(g.firstSeen)));
  return (
    <div className="fd-view">
      <h1>Error inbox</h1>
      <ErrorList errors={workspaces.answer?.errors} />
      <fieldset className="fd-filters">
        <legend className="fd-sr-only">Filters</legend>
        <Select
          label="Workspace"
          value={workspaceId}
          options={list.map((workspace) => [
            workspace.id,
            `${workspace.name} (${workspace.type.toLowerCase()})`,
          ])}
          onChange={(value) => navigate("inbox", { workspace: value })}
        />
        <Select
          label="Level"
          value={params.level ?? ""}
          options={[["", "any level"], ...LEVELS.map((level) => [level, levelName(level)] as const)]}
          onChange={(value) => set({ level: value })}
        />
        <Select
          label="Cause"
          value={params.cause ?? ""}
          options={[["", "any cause"], ...CAUSES.map((cause) => [cause, cause] as const)]}
          onChange={(value) => set({ cause: value })}
        />
        <Select
          label="Flow"
          value={params.flow ?? ""}
          options={[["", "any flow"], ...[...flows].map(([id, name]) => [id, name] as const)]}
          onChange={(value) => set({ flow: value })}
        />
        <Select
          label="State"
          value={params.state ?? ""}
          options={STATE_LABELS}
          onChange={(value) => set({ state: value })}
        />
        <Select
          label="Time"
          value={String(hours)}
          options={WINDOWS.map(([text, value]) => [String(value), text] as const)}
          onChange={(value) => set({ hours: value === "0" ? undefined : value })}
        />
        <Select
          label="Sort"
          value={sort}
          options={Object.entries(SORTS)}
          onChange={(value) => set({ sort: value === "newest" ? undefined : value })}
        />
      </fieldset>
      {workspaces.loading && list.length === 0 && <Loading what="your workspaces" />}
      {!workspaces.loading && workspaces.answer && list.length === 0 && (
        <p>This login is a member of no workspace, so there is no inbox to show.</p>
      )}
      <ErrorList errors={operation.answer?.errors} />
      {operation.answer?.data?.workspace && operation.answer.data.errorGroups === null && (
        <p>
          The workspace's flows may still be open to you:{" "}
          <a href={hashOf("diagnosis", { workspace: workspaceId })}>pick a flow to diagnose</a>.
        </p>
      )}
      {operation.loading && loaded.length === 0 && <Loading what="the error groups" />}
      {groups && (
        <p className="fd-muted" role="status">
          {groups.totalCount} groups in {groups.scan.scanned} scanned errors
          {groups.scan.limitReached && ` (stopped at ${groups.scan.maxScan}: older errors are not counted)`};{" "}
          {loaded.length > 0
            ? `showing ${page * ROWS_PER_PAGE + 1}–${page * ROWS_PER_PAGE + shown.length} of ${loaded.length} loaded, ${SORTS[sort]}.`
            : "none match these filters."}
        </p>
      )}
      <ErrorList errors={setState.errors} />
      {shown.length > 0 && (
        <GroupTable
          groups={shown}
          workspaceId={workspaceId}
          from={windowFrom}
          to={now}
          busy={setState.busy}
          onState={onState}
        />
      )}
      <nav className="fd-pager" aria-label="Pages">
        <button
          type="button"
          disabled={page === 0}
          onClick={() => set({ sort: params.sort, page: String(page - 1) })}
        >
          Previous page
        </button>
        <button
          type="button"
          disabled={(page + 1) * ROWS_PER_PAGE >= loaded.length}
          onClick={() => set({ sort: params.sort, page: String(page + 1) })}
        >
          Next page
        </button>
        {groups?.pageInfo.hasNextPage && (
          <button type="button" onClick={() => loadMore(groups.pageInfo.endCursor ?? undefined)}>
            Load {LOAD_SIZE} more groups
          </button>
        )}
      </nav>
      <Section title="GraphQL">
        <QueryPanel ran={operation.ran} label="The inbox's query" />
        <QueryPanel ran={workspaces.ran} label="The workspaces query" />
        <QueryPanel ran={setState.ran} label="The last state change" />
      </Section>
    </div>
  );
};
