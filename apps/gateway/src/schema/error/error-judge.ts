import type { Cause, Flow } from "@flowdoctor/core";
import { stepMatcherOf } from "../flow/step-id.js";
import { createEntryClassifier, type ErrorFacts } from "./classify-entry.js";
import type { ErrorFilter } from "./error-filter.input.js";
import type { ErrorJudge, ErrorMatcher } from "./scan-errors.js";

const setOf = <TValue>(values: readonly TValue[] | null | undefined): ReadonlySet<TValue> | undefined =>
  values?.length ? new Set(values) : undefined;

/** Whether the filter asks for anything the platform cannot filter itself, so the gateway must check each error. */
export const isFilteredByGateway = (filter: ErrorFilter | null | undefined): boolean =>
  Boolean(
    filter?.causes?.length || filter?.stepIds?.length || filter?.levels?.length || filter?.authorIds?.length,
  );

/**
 * What the gateway itself must check of each scanned error (the platform filters none of these), or undefined
 * when every error the platform returns matches.
 */
export const errorMatcherOf = (
  filter: ErrorFilter | null | undefined,
  flows: ReadonlyMap<string, Flow>,
): ErrorMatcher | undefined => {
  if (!isFilteredByGateway(filter)) return undefined;
  const causes = setOf<Cause>(filter?.causes);
  const steps = stepMatcherOf(filter?.stepIds);
  const levels = setOf(filter?.levels);
  const authors = setOf(filter?.authorIds);
  // Cheap checks first: the cause needs the error classified.
  return (error) =>
    (!steps || steps(error.flowId, error.stepId)) &&
    (!levels || levels.has(error.levelName)) &&
    (!authors || authors.has(flows.get(error.flowId)?.authorId ?? "")) &&
    (!causes || causes.has(error.classify(error).cause));
};

/** The scan's judge over the workspace's facts: a classifier, and the filter's matcher. */
export const judgeErrors = (facts: ErrorFacts, filter: ErrorFilter | null | undefined): ErrorJudge => {
  const matches = errorMatcherOf(filter, facts.flows);
  return { classify: createEntryClassifier(facts), ...(matches ? { matches } : {}) };
};
