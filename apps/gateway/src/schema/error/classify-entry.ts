import {
  type Classification,
  classifyError,
  type ErrorContext,
  type Flow,
  stepFieldsOf,
  type Workspace,
} from "@flowdoctor/core";
import type { LogEntryData } from "../log/log-entry.type.js";
import { redactClassification } from "./classify.resolver.js";

/** What the gateway knows around an error: its workspace and the workspace's flows. */
export interface ErrorFacts {
  readonly workspace: Workspace | undefined;
  readonly flows: ReadonlyMap<string, Flow>;
  /** The time of the request (ISO); the classifier never reads the clock itself. */
  readonly now: string;
}

/** Classifies an entry of one scan; asking twice for one entry classifies it once. */
export type EntryClassifier = (entry: LogEntryData) => Classification;

const contextOf = (entry: LogEntryData, facts: ErrorFacts): ErrorContext => {
  const flow = facts.flows.get(entry.flowId);
  const stepFields = flow && stepFieldsOf(flow.graph, entry.stepId);
  return {
    now: facts.now,
    ...(facts.workspace ? { workspaceType: facts.workspace.type } : {}),
    ...(flow ? { flowStatus: flow.status, flowCurrentStatus: flow.currentStatus } : {}),
    ...(flow?.lastStartTime ? { lastStartTime: flow.lastStartTime } : {}),
    ...(stepFields ? { stepFields } : {}),
  };
};

/**
 * Classifies one (already redacted) error entry with the facts of its flow and workspace. Filtering by
 * cause and showing the classification both use this, so a page never disagrees with its filter.
 */
export const classifyEntry = (entry: LogEntryData, facts: ErrorFacts): Classification =>
  redactClassification(
    classifyError({
      message: entry.message,
      ...(entry.componentName ? { componentName: entry.componentName } : {}),
      context: contextOf(entry, facts),
    }),
  );

/**
 * A classifier for the entries of one scan that works on demand: an inbox page classifies only the entries it
 * filters by cause or shows, not every entry it groups.
 */
export const createEntryClassifier = (facts: ErrorFacts): EntryClassifier => {
  const known = new WeakMap<LogEntryData, Classification>();
  return (entry) => {
    let classification = known.get(entry);
    if (classification === undefined) {
      classification = classifyEntry(entry, facts);
      known.set(entry, classification);
    }
    return classification;
  };
};
