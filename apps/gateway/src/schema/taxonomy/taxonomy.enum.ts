import { CAUSE_INFO, CAUSES, type Cause, LEVELS, type Level } from "@flowdoctor/core";
import { registerEnumType } from "type-graphql";

/** A GraphQL enum object whose names and values are the given codes. */
export const enumOf = <TCode extends string>(codes: readonly TCode[]): { [K in TCode]: K } =>
  Object.fromEntries(codes.map((code) => [code, code])) as { [K in TCode]: K };

/** The troubleshooting levels (`troubleshooting-taxonomy.md`) as a GraphQL enum; values are core's codes. */
export const LevelEnum: { [K in Level]: K } = enumOf(LEVELS);
registerEnumType(LevelEnum, {
  name: "TroubleshootingLevel",
  description: "The guide's three levels of a problem, plus UNCLASSIFIED when no rule matched.",
  valuesConfig: {
    INTEGRATION_LOGIC: {
      description:
        "The flow's own logic or the systems it talks to (data, mapping, credentials): yours to fix.",
    },
    COMPONENT_RUNTIME: { description: "A component's code or its runtime library: its maintainer's to fix." },
    PLATFORM: {
      description: "The platform's behaviour or limits (queues, memory, quotas): often a support ticket.",
    },
    UNCLASSIFIED: { description: "No rule of the taxonomy matched the error." },
  },
});

/** The taxonomy's cause codes as a GraphQL enum: stable API, added to, never renamed. */
export const CauseEnum: { [K in Cause]: K } = enumOf(CAUSES);
registerEnumType(CauseEnum, {
  name: "Cause",
  description: "Why an error happened, per the troubleshooting taxonomy.",
  // The taxonomy's one-line titles, so the enum explains itself wherever a client shows it.
  valuesConfig: Object.fromEntries(
    CAUSES.map((cause) => [
      cause,
      { description: `${CAUSE_INFO[cause].title} (${CAUSE_INFO[cause].level}).` },
    ]),
  ),
});
