import type { ErrorGroupsQuery, NodeOf } from "@flowdoctor/sdk";

/** One error group as the SDK's `errorGroups` returns it. */
export type WatchedGroup = NodeOf<ErrorGroupsQuery, "errorGroups">;

/**
 * Whether a group is one the watch diagnoses: platform-level causes (the user cannot fix them alone) and
 * unknown ones (nothing matched, so a person must look). Integration-logic and component errors are left to
 * the flow's owners.
 */
export const needsDiagnosis = (group: WatchedGroup): boolean =>
  group.classification.level === "PLATFORM" || group.classification.cause === "UNKNOWN";
