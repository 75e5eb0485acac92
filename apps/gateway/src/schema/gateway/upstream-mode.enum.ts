import { registerEnumType } from "type-graphql";

/** The GraphQL twin of the context's `UpstreamMode`. */
export enum UpstreamModeEnum {
  EMULATOR = "emulator",
  PLATFORM = "platform",
}

registerEnumType(UpstreamModeEnum, {
  name: "UpstreamMode",
  description: "Which platform the gateway serves.",
  valuesConfig: {
    EMULATOR: { description: "The embedded emulator with its demo scenario (no PLATFORM_API_URL set)." },
    PLATFORM: { description: "The platform at PLATFORM_API_URL." },
  },
});
