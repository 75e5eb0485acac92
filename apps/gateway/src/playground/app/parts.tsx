import { type ReactNode, useCallback, useEffect, useState } from "react";
import { CONSOLE_OPERATIONS, type ConsoleOperationName } from "../console-operations.js";
import {
  type GraphQLAnswer,
  type GraphQLErrorShape,
  type RanOperation,
  runOperation,
  toSentence,
} from "./api.js";
import { openInGraphiQL } from "./graphiql-link.js";
import { useSession } from "./session.js";

/** The state of one operation a view runs. */
export interface OperationState<T> {
  readonly answer: GraphQLAnswer<T> | undefined;
  readonly loading: boolean;
  readonly ran: RanOperation | undefined;
  readonly reload: () => void;
}

/**
 * Runs a console operation as the current user whenever its variables change; `skip` holds it back until
 * the view has what it needs. Answers of stale requests are dropped.
 */
export const useOperation = <T,>(
  name: ConsoleOperationName,
  variables: Readonly<Record<string, unknown>>,
  skip = false,
): OperationState<T> => {
  const { authorization } = useSession();
  const [answer, setAnswer] = useState<GraphQLAnswer<T>>();
  const [loading, setLoading] = useState(false);
  const [round, setRound] = useState(0);
  const key = JSON.stringify(variables);
  const ran: RanOperation | undefined = skip ? undefined : { query: CONSOLE_OPERATIONS[name], variables };
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the variables; `round` reloads.
  useEffect(() => {
    if (skip) return;
    let current = true;
    setLoading(true);
    runOperation<T>(name, JSON.parse(key) as Record<string, unknown>, authorization).then((next) => {
      if (!current) return;
      setAnswer(next);
      setLoading(false);
    });
    return () => {
      current = false;
    };
  }, [name, key, authorization, skip, round]);
  const reload = useCallback(() => setRound((value) => value + 1), []);
  return { answer, loading, ran, reload };
};

/** The GraphQL a view ran, and a button that opens it in GraphiQL. */
export const QueryPanel = ({ ran, label }: { ran: RanOperation | undefined; label?: string }) =>
  ran === undefined ? null : (
    <details className="fd-query">
      <summary>{label ?? "The GraphQL this view ran"}</summary>
      <pre className="fd-code">{ran.query}</pre>
      {Object.keys(ran.variables).length > 0 && (
        <pre className="fd-code">{JSON.stringify(ran.variables, null, 2)}</pre>
      )}
      <button type="button" onClick={() => openInGraphiQL(ran)}>
        Open in GraphiQL
      </button>
    </details>
  );

/** Every error of an answer as a sentence with its code; the data beside it still shows. */
export const ErrorList = ({ errors }: { errors: readonly GraphQLErrorShape[] | undefined }) =>
  errors === undefined || errors.length === 0 ? null : (
    <ul className="fd-errors" aria-label="Errors">
      {errors.map((error, index) => {
        const told = toSentence(error);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: errors have no identity; their order is the answer's.
          <li key={index} role="alert">
            <strong>{told.sentence}</strong> <code className="fd-code-chip">{told.code}</code>{" "}
            <span className="fd-muted">
              {told.meaning}
              {told.where && ` (left empty: ${told.where})`}
            </span>
          </li>
        );
      })}
    </ul>
  );

/** Says a view is loading, politely for screen readers. */
export const Loading = ({ what }: { what: string }) => (
  <p className="fd-muted" role="status">
    Loading {what}…
  </p>
);

const LEVEL_NAMES: Readonly<Record<string, string>> = {
  INTEGRATION_LOGIC: "integration logic",
  COMPONENT_RUNTIME: "component runtime",
  PLATFORM: "platform",
  UNCLASSIFIED: "unclassified",
};

/** The readable name of a troubleshooting level. */
export const levelName = (level: string | null | undefined): string =>
  level ? (LEVEL_NAMES[level] ?? level.toLowerCase()) : "none";

/** A cause as a chip coloured by its troubleshooting level. */
export const CauseChip = ({ cause, level }: { cause: string | null; level: string | null }) => (
  <span
    className={`fd-chip fd-level-${(level ?? "none").toLowerCase()}`}
    title={`Level: ${levelName(level)}`}
  >
    {cause ?? "none"}
  </span>
);

/** Occurrences over a window as small bars; the label gives the figures for screen readers. */
export const Sparkline = ({
  times,
  from,
  to,
  buckets = 24,
}: {
  times: readonly string[];
  from: number;
  to: number;
  buckets?: number;
}) => {
  const counts = new Array<number>(buckets).fill(0);
  const span = Math.max(to - from, 1);
  for (const time of times) {
    const at = Date.parse(time);
    if (Number.isNaN(at) || at < from || at > to) continue;
    const slot = Math.min(buckets - 1, Math.floor(((at - from) / span) * buckets));
    counts[slot] = (counts[slot] ?? 0) + 1;
  }
  const peak = Math.max(1, ...counts);
  const width = 96;
  const bar = width / buckets;
  return (
    <svg className="fd-spark" width={width} height={20} viewBox={`0 0 ${width} 20`} role="img">
      <title>{`${times.length} occurrences, at most ${peak} in one of ${buckets} slots`}</title>
      {counts.map((count, index) =>
        count === 0 ? null : (
          <rect
            // biome-ignore lint/suspicious/noArrayIndexKey: the slot index is the bar's identity.
            key={index}
            x={index * bar}
            y={20 - (count / peak) * 20}
            width={Math.max(bar - 1, 1)}
            height={(count / peak) * 20}
          />
        ),
      )}
    </svg>
  );
};

/** A titled section of a view. */
export const Section = ({ title, children }: { title: string; children: ReactNode }) => (
  <section className="fd-section" aria-label={title}>
    <h2>{title}</h2>
    {children}
  </section>
);

/** A time as the reader's locale shows it, with the exact value on hover. */
export const Time = ({ value }: { value: string | null | undefined }) =>
  value ? (
    <time dateTime={value} title={value}>
      {new Date(value).toLocaleString(undefined, {
        month: "short",
        day: "numeric",
        hour: "2-digit",
        minute: "2-digit",
      })}
    </time>
  ) : (
    <span className="fd-muted">–</span>
  );

/** A mutation run on demand; keeps the last one it ran and its errors for the view to show. */
export const useMutation = <T,>(name: ConsoleOperationName) => {
  const { authorization } = useSession();
  const [ran, setRan] = useState<RanOperation>();
  const [errors, setErrors] = useState<readonly GraphQLErrorShape[]>([]);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (variables: Readonly<Record<string, unknown>>): Promise<GraphQLAnswer<T>> => {
      setBusy(true);
      setRan({ query: CONSOLE_OPERATIONS[name], variables });
      const answer = await runOperation<T>(name, variables, authorization);
      setErrors(answer.errors);
      setBusy(false);
      return answer;
    },
    [name, authorization],
  );
  return { run, ran, errors, busy };
};
