import { createPlatformClient } from "@flowdoctor/platform-client";
import { createEmulator } from "@flowdoctor/platform-emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createErrorScenario,
  ERROR_SCENARIO_USER,
  ERROR_SCENARIO_WORKSPACE,
} from "../../testing/error-scenario.js";
import type { LogEntryData } from "../log/log-entry.type.js";
import { createEntryClassifier, type EntryClassifier } from "./classify-entry.js";
import { scanErrors } from "./scan-errors.js";

describe("scanErrors", () => {
  let emulator: Awaited<ReturnType<typeof createEmulator>>;
  let client: ReturnType<typeof createPlatformClient>;
  beforeAll(async () => {
    emulator = await createEmulator({ scenario: createErrorScenario(120) });
    client = createPlatformClient({ baseUrl: emulator.url, ...ERROR_SCENARIO_USER });
  });
  afterAll(async () => {
    await client.close();
    await emulator.close();
  });

  const counting = () => {
    const classify = createEntryClassifier({
      workspace: undefined,
      flows: new Map(),
      now: new Date().toISOString(),
    });
    const asked: LogEntryData[] = [];
    const counted: EntryClassifier = (entry) => {
      asked.push(entry);
      return classify(entry);
    };
    return { counted, asked };
  };
  const scan = (
    classify: EntryClassifier,
    matches?: (error: { classify: EntryClassifier } & LogEntryData) => boolean,
  ) =>
    scanErrors({
      client,
      query: { workspaceId: ERROR_SCENARIO_WORKSPACE },
      judge: Promise.resolve({ classify, ...(matches ? { matches } : {}) }),
      filtered: matches !== undefined,
      startOffset: 0,
      want: Number.POSITIVE_INFINITY,
      maxScan: 10_000,
    });

  it("classifies nothing while no filter needs the cause", async () => {
    const { counted, asked } = counting();
    const found = await scan(counted, (error) => error.stepId === "step_2");
    expect(found.items).toHaveLength(120);
    expect(asked).toHaveLength(0);
  });

  it("filters by cause with the classification the fields then show, classifying each entry once", async () => {
    const { counted, asked } = counting();
    const found = await scan(counted, (error) => error.classify(error).cause === "INVALID_CREDENTIALS");
    expect(asked).toHaveLength(120);
    expect(found.items).toHaveLength(15);
    for (const { error } of found.items) {
      expect(error.message).toContain("401");
      expect(error.classify(error)).toBe(error.classify(error));
    }
  });
});
